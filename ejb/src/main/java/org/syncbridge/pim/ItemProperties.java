package org.syncbridge.pim;

import jakarta.json.Json;
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
 * An item's properties as stored: a JSON object whose values are strings or lists of strings
 * (dates as ISO-8601, binary data as base64). The protocol codecs type them.
 */
public final class ItemProperties {
    private ItemProperties() {
    }

    public static String toJson(Map<String, Object> properties) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        for (Map.Entry<String, Object> e : new TreeMap<>(properties).entrySet()) {
            if (e.getValue() instanceof List<?> list) {
                JsonArrayBuilder array = Json.createArrayBuilder();
                list.forEach(v -> array.add(String.valueOf(v)));
                object.add(e.getKey(), array);
            } else if (e.getValue() != null) {
                object.add(e.getKey(), String.valueOf(e.getValue()));
            }
        }
        return object.build().toString();
    }

    public static Map<String, Object> fromJson(String json) {
        Map<String, Object> properties = new TreeMap<>();
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            for (Map.Entry<String, JsonValue> e : object.entrySet()) {
                if (e.getValue().getValueType() == JsonValue.ValueType.ARRAY) {
                    List<String> values = new ArrayList<>();
                    e.getValue().asJsonArray().forEach(v -> values.add(((JsonString) v).getString()));
                    properties.put(e.getKey(), values);
                } else if (e.getValue() instanceof JsonString s) {
                    properties.put(e.getKey(), s.getString());
                }
            }
        }
        return properties;
    }
}
