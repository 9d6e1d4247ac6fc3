package io.maskocr.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.Recipes;
import io.maskocr.engine.train.StarterModel;
import io.maskocr.engine.train.StarterPublisher;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code maskocr starter}: shows the bundled starter model, or publishes a trained chunk as the new one. */
@Command(
    name = "starter",
    mixinStandardHelpOptions = true,
    description = {
      "Show the bundled starter model's provenance, or (for maintainers) publish the last checkpoint of a",
      "finished `starter` training chunk as the new starter: half-float weights plus a checkpoint.json",
      "listing every chunk (recipe, steps, images seen, hours, code revision, machine, data)."
    })
public final class StarterCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin WorkspaceOption ws;

  @Option(names = "--publish", paramLabel = "RUN", description = "Run id of a finished chunk to publish.")
  Long publish;

  @Option(names = "--out", paramLabel = "DIR", description = "Where to publish (default: the installation's assets/models/"
      + StarterModel.FOLDER + ").")
  Path out;

  @Option(names = "--fp32", description = "Keep 32-bit weights (default: half floats, half the size).")
  boolean fp32;

  @Override
  public Integer call() throws Exception {
    java.io.PrintWriter w = spec.commandLine().getOut();
    if (publish == null) {
      Path dir = StarterModel.require();
      JsonNode file = Recipes.json().readTree(dir.resolve("checkpoint.json").toFile());
      w.println("starter model: " + dir);
      w.println(Recipes.json().writeValueAsString(file.path("provenance")));
      return 0;
    }
    Path target = out != null ? out : StarterModel.location();
    try (Workspace workspace = Workspace.open(ws.resolve())) {
      JsonNode p = StarterPublisher.publish(workspace, publish, target, !fp32);
      w.printf("published run %d as %s: %d steps in all, %d images seen, %.2f h of training%n",
          publish, target, p.path("totalSteps").asLong(), p.path("imagesSeen").asLong(),
          p.path("wallClockHours").asDouble());
    }
    return 0;
  }
}
