package io.maskocr.app.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

/** A workspace that already holds data: dataset {@code base} with three labeled images, imported by the CLI. */
final class BaseWorkspace {
  private BaseWorkspace() {}

  static Path create(Path tmp) {
    Path src = tmp.resolve("base-src");
    String[] words = {"alpha", "beta", "gamma"};
    for (int i = 0; i < words.length; i++) {
      HostileFiles.write(src.resolve(words[i] + "_" + i + ".png"), HostileFiles.png(200 + i));
    }
    Path ws = tmp.resolve("ws");
    Cli run = Cli.run("import", src.toString(), "--dataset", "base", "--label-pattern", "{label}_*.png",
        "-w", ws.toString());
    assertEquals(0, run.exit(), run.err());
    return ws;
  }
}
