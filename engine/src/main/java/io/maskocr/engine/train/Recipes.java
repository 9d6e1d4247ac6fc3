package io.maskocr.engine.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maskocr.engine.MaskocrHome;
import io.maskocr.engine.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds and parses recipes: a JSON file, or a built-in name from {@code samples/recipes/}. */
public final class Recipes {
  private Recipes() {}

  /** The JSON mapper used for recipes, checkpoints and provenance: {@link Json#pretty()}. */
  public static ObjectMapper json() {
    return Json.pretty();
  }

  /** Loads {@code nameOrFile}: an existing file path, else a built-in recipe name. */
  public static Recipe load(String nameOrFile) {
    Path file = Path.of(nameOrFile);
    Path builtIn = MaskocrHome.samples().resolve("recipes").resolve(nameOrFile + ".json");
    // a built-in name wins over a same-named non-JSON file (the launcher ./maskocr is one)
    if (!Files.isRegularFile(file) || (!nameOrFile.endsWith(".json") && Files.isRegularFile(builtIn))) {
      file = builtIn;
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException(
            "no recipe file or built-in recipe named '" + nameOrFile + "'; built-in: " + builtIn());
      }
    }
    return parse(file);
  }

  /** Parses a recipe file; errors name the file and the problem. */
  public static Recipe parse(Path file) {
    try {
      return json().readValue(file.toFile(), Recipe.class);
    } catch (IOException | IllegalArgumentException e) {
      String msg = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
      String clear = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? RecipeErrors.describe(j) : null;
      msg = clear != null ? clear : msg;
      Throwable c = e.getCause();
      while (c != null) {
        if (c instanceof IllegalArgumentException) {
          msg = c.getMessage();
        }
        c = c.getCause();
      }
      throw new IllegalArgumentException("recipe " + file + " is invalid: " + msg);
    }
  }

  /** Names of the built-in recipes. */
  public static List<String> builtIn() {
    Path dir = MaskocrHome.samples().resolve("recipes");
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - 5))
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
