package dev.jhttp.cli.demo;

import dev.jhttp.core.Headers;
import dev.jhttp.server.text.JsonText;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Just enough JSON writing for the command: maps, lists, strings, numbers, booleans and null. */
public final class Json {
    private Json() {
    }

    public static String object(Map<String, ?> fields) {
        return value(fields);
    }

    public static String value(Object value) {
        return switch (value) {
            case null -> "null";
            case String text -> quote(text);
            case Number number -> number.toString();
            case Boolean bool -> bool.toString();
            case Map<?, ?> map -> {
                StringBuilder out = new StringBuilder("{");
                Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
                while (entries.hasNext()) {
                    Map.Entry<?, ?> entry = entries.next();
                    out.append(quote(String.valueOf(entry.getKey()))).append(':').append(value(entry.getValue()));
                    out.append(entries.hasNext() ? "," : "");
                }
                yield out.append('}').toString();
            }
            case List<?> list -> {
                StringBuilder out = new StringBuilder("[");
                for (int i = 0; i < list.size(); i++) {
                    out.append(i == 0 ? "" : ",").append(value(list.get(i)));
                }
                yield out.append(']').toString();
            }
            default -> quote(value.toString());
        };
    }

    /** Header fields as [name, value] pairs, in wire order and with their spelling: JSON has no ordered multimap. */
    public static List<List<String>> fieldPairs(Headers headers) {
        List<List<String>> pairs = new ArrayList<>(headers.size());
        for (int i = 0; i < headers.size(); i++) {
            pairs.add(List.of(headers.name(i).name(), headers.value(i)));
        }
        return pairs;
    }

    static String quote(String text) {
        return '"' + JsonText.escape(text) + '"';
    }
}
