package dev.jhttp.core.forms;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The fields of a form, in the order they came, repeated names kept: what {@link UrlEncodedForm} reads from a body
 * or a query string.
 *
 * {@snippet :
 * Form form = Form.of(List.of(new Form.Field("tag", "a"), new Form.Field("tag", "b")));
 * form.first("tag");   // Optional[a]
 * form.all("tag");     // [a, b]
 * }
 */
public final class Form {
    private static final Form EMPTY = new Form(List.of());

    /** One name and value, both decoded. */
    public record Field(String name, String value) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    private final List<Field> fields;

    private Form(List<Field> fields) {
        this.fields = fields;
    }

    public static Form of(List<Field> fields) {
        return fields.isEmpty() ? EMPTY : new Form(List.copyOf(fields));
    }

    public static Form empty() {
        return EMPTY;
    }

    /** Every field, in order. */
    public List<Field> fields() {
        return fields;
    }

    /** The value of the first field named {@code name}. */
    public Optional<String> first(String name) {
        for (Field field : fields) {
            if (field.name().equals(name)) {
                return Optional.of(field.value());
            }
        }
        return Optional.empty();
    }

    /** The values of every field named {@code name}, in order. */
    public List<String> all(String name) {
        return fields.stream().filter(field -> field.name().equals(name)).map(Field::value).toList();
    }

    /** The names, each once, in the order they first came. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        fields.forEach(field -> names.add(field.name()));
        return names;
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Form form && form.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return "Form" + fields;
    }
}
