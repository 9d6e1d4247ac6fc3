package io.maskocr.engine.external;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An external model of the workspace as {@code models/<name>/model.json} records it.
 *
 * @param format version of this record
 * @param name the workspace's name for it ({@code --model NAME})
 * @param kind {@code ppocr-rec} or {@code parseq}
 * @param file the ONNX file in the model's folder
 * @param sha256 of the ONNX file, checked at every load
 * @param bytes size of the ONNX file
 * @param keysFile the dictionary in the model's folder
 * @param keysSha256 of the dictionary
 * @param dictionarySize symbols in the dictionary
 * @param outputClasses classes of the model's output (dictionary plus the layout's specials)
 * @param outside36 dictionary symbols outside the 36-symbol evaluation charset (a reading keeps
 *     them; the 36-symbol protocol drops them from readings and labels alike)
 * @param settings pre-processing and decoding
 * @param source the file name it was added from
 * @param added when it was added (ISO-8601)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExternalModel(
    int format,
    String name,
    String kind,
    String file,
    String sha256,
    long bytes,
    String keysFile,
    String keysSha256,
    int dictionarySize,
    int outputClasses,
    int outside36,
    ModelSettings settings,
    String source,
    String added) {

  /** Current {@link #format()}. */
  public static final int FORMAT = 1;

  /**
   * The key its predictions and metric points are stored under: {@code model:NAME@sha}, so a
   * file replaced under the same name never mixes with the old one's readings.
   */
  @JsonIgnore
  public String key() {
    return keyOf(name, sha256);
  }

  /** {@link #key()} for a name and file hash. */
  public static String keyOf(String name, String sha256) {
    return ExternalModels.KEY_PREFIX + name + "@" + sha256.substring(0, 12);
  }
}
