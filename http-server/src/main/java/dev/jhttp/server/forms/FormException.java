package dev.jhttp.server.forms;

import dev.jhttp.core.forms.FormError;
import dev.jhttp.server.HttpException;

/**
 * A form the client got wrong: answered with the error's status, and (by {@code ErrorPages}) with the rule it broke
 * and the byte where it did, as a refused request is.
 */
public final class FormException extends HttpException {
    private final transient FormError error;

    public FormException(FormError error) {
        super(error.status(), error.toString());
        this.error = error;
    }

    public FormError error() {
        return error;
    }
}
