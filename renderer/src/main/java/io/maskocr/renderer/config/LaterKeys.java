package io.maskocr.renderer.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.util.Map;

/**
 * JSON writer of the {@code effects} map that leaves out effects added after the first config
 * format while they are at their default setting (off). Reading fills them back in with the
 * same values, so configs written before the entries existed keep their
 * exact text and hash (the renderer-config hash recorded with runs).
 */
final class LaterKeys {
  private LaterKeys() {}

  /** True for effects added after the first format whose setting is the default (off). */
  static boolean omitted(EffectKind kind, Effect e) {
    return kind.ordinal() > EffectKind.STRETCH.ordinal() && e.equals(DefaultStyle.CONFIG.effect(kind));
  }

  /** Writes the {@code effects} map. */
  static final class Effects extends JsonSerializer<Map<String, Effect>> {
    @Override
    public void serialize(Map<String, Effect> map, JsonGenerator g, SerializerProvider p) throws IOException {
      g.writeStartObject();
      for (Map.Entry<String, Effect> en : map.entrySet()) {
        EffectKind k = EffectKind.byKey(en.getKey());
        if (k == null || !omitted(k, en.getValue())) {
          g.writeFieldName(en.getKey());
          p.defaultSerializeValue(en.getValue(), g);
        }
      }
      g.writeEndObject();
    }
  }
}
