package io.maskocr.test.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.maskocr.app.faults.FaultSuite;
import io.maskocr.app.faults.HostileInputs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short run of the fault-injection suite (the full one is {@code maskocr bench faults}): child
 * JVMs killed with SIGKILL mid-operation lose nothing they acknowledged, leave the database sound,
 * leave no torn file that passes for complete, and training resumes right after its newest
 * checkpoint.
 */
class FaultInjectionTest {
  @TempDir Path work;

  @Test
  void killedWorkloadsLoseNothingAcknowledged() throws Exception {
    FaultSuite.Report r = new FaultSuite(work, 20261205L, 3, System.out::println).run(FaultSuite.OPERATIONS);
    String findings = String.join("\n", r.findings());
    assertEquals(0, r.labelsLost(), findings);
    assertEquals(0, r.integrityFailures(), findings);
    assertEquals(0, r.tornFiles(), findings);
    assertEquals(0, r.resumeMismatches(), findings);
    assertEquals(FaultSuite.OPERATIONS.size(), r.killsPerOperation().size(),
        "every operation was killed: " + r.killsPerOperation() + " " + findings);
  }

  @Test
  void everyHostileInputOfTheBenchGetsAClearErrorAndChangesNothingStored() throws Exception {
    HostileInputs.Result r = HostileInputs.run(work, io.maskocr.app.cli.InProcessCli::run, System.out::println);
    assertEquals(r.tried(), r.clearError(), String.join("\n", r.findings()));
    assertEquals(0, r.stateChanged(), String.join("\n", r.findings()));
  }
}
