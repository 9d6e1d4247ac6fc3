package io.maskocr.app.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkspaceChoiceTest {

  /** Columns: args (space separated), env MASKOCR_WORKSPACE, last workspace, expected. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "--workspace /a      | /env | /last | /a",
      "-w /a               | /env | /last | /a",
      "--workspace=/a      | /env | /last | /a",
      "-                   | /env | /last | /env",
      "-                   | -    | /last | /last",
      "-                   | ''   | /last | /last",
      "-                   | -    | -     | DEFAULT"})
  void precedenceIsArgThenEnvThenLastThenDefault(String args, String env, String last,
      String expected) {
    List<String> argList = args == null ? List.of() : List.of(args.trim().split("\\s+"));
    Map<String, String> envMap = env == null ? Map.of() : Map.of("MASKOCR_WORKSPACE", env);
    Path chosen = WorkspaceChoice.resolve(argList, envMap::get, last);
    Path want = expected.equals("DEFAULT")
        ? Path.of(System.getProperty("user.home"), ".maskocr", "default")
        : Path.of(expected);
    assertEquals(want, chosen);
  }
}
