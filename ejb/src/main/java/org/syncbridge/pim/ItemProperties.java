package org.syncbridge.pim;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An item's properties as stored: a JSON object whose values are strings, lists of strings, or lists of
 * objects of the same kind (attendees, exceptions); dates as ISO-8601, binary data as base64. The protocol
 * codecs type them.
 */
public final class ItemProperties {
    private ItemProperties() {
    }

    public static String toJson(Map<String, ?> properties) {
        return object(properties).toString();
    }

    public static Map<String, Object> fromJson(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return map(reader.readObject());
        }
    }

    private static JsonObject object(Map<?, ?> properties) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        for (Map.Entry<?, ?> e : new TreeMap<>(properties).entrySet()) {
            if (e.getValue() instanceof List<?> list) {
                JsonArrayBuilder array = Json.createArrayBuilder();
                for (Object v : list) {
                    if (v instanceof Map<?, ?> m) {
                        array.add(object(m));
                    } else {
                        array.add(String.valueOf(v));
                    }
                }
                object.add(String.valueOf(e.getKey()), array);
            } else if (e.getValue() != null) {
                object.add(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
            }
        }
        return object.build();
    }

    private static Map<String, Object> map(JsonObject object) {
        Map<String, Object> properties = new TreeMap<>();
        for (Map.Entry<String, JsonValue> e : object.entrySet()) {
            if (e.getValue() instanceof JsonArray array) {
                List<Object> values = new ArrayList<>();
                for (JsonValue v : array) {
                    values.add(v instanceof JsonObject o ? map(o) : ((JsonString) v).getString());
                }
                properties.put(e.getKey(), values);
            } else if (e.getValue() instanceof JsonString s) {
                properties.put(e.getKey(), s.getString());
            }
        }
        return properties;
    }
}
