package io.maskocr.app.cli;

import io.maskocr.engine.external.ExternalModels;
import io.maskocr.engine.store.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code maskocr model remove}: deletes an external model's files. */
@Command(name = "remove", mixinStandardHelpOptions = true,
    description = "Delete an external model's folder. Its stored predictions and its baseline run's eval figures stay.")
public final class ModelRemoveCommand implements Callable<Integer> {
  @Mixin WorkspaceOption ws;
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Override
  public Integer call() throws Exception {
    try (Workspace w = Workspace.open(ws.resolve())) {
      ExternalModels.remove(w, name);
    }
    spec.commandLine().getOut().println("removed model " + name);
    return 0;
  }
}
