package io.maskocr.engine.store;

import java.util.List;

/**
 * What is known when a run starts: everything needed to trace its results back.
 *
 * @param name display name
 * @param recipeJson the recipe (stages + hyper-parameters) as JSON
 * @param seed master seed
 * @param provenanceJson data provenance (dataset ids, renderer-config hash...) as JSON
 * @param codeVersion git revision / build version
 * @param machine JVM, OS, CPU, device description
 * @param tags free tags
 * @param notes free text
 */
public record NewRun(
    String name,
    String recipeJson,
    long seed,
    String provenanceJson,
    String codeVersion,
    String machine,
    List<String> tags,
    String notes) {
  public NewRun {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
