package dev.jhttp.core.forms;

import java.util.Objects;

/**
 * A form read whole, or the rule its input broke.
 *
 * {@snippet :
 * switch (UrlEncodedForm.parse(bytes)) {
 *     case FormResult.Parsed(Form form) -> greet(form.first("name").orElse("stranger"));
 *     case FormResult.Failed(FormError error) -> reject(error.status());
 * }
 * }
 */
public sealed interface FormResult {

    record Parsed(Form form) implements FormResult {
        public Parsed {
            Objects.requireNonNull(form, "form");
        }
    }

    record Failed(FormError error) implements FormResult {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }
}
