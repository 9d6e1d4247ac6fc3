package io.maskocr.engine.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged or hostile weights file is refused with its name, never by allocating what its header claims. */
class TensorFileHostileTest {
  @TempDir Path tmp;

  @Test
  void aTensorLargerThanTheFileIsRefusedBeforeAllocating() throws IOException {
    Path good = tmp.resolve("good.bin");
    TensorFile.write(good, Map.of("w", new Tensor(new long[] {2}, new float[] {1, 2})));
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(b)) {
      out.write(Arrays.copyOf(Files.readAllBytes(good), 8)); // magic and version
      out.writeInt(1);
      out.writeUTF("huge");
      out.writeInt(1);
      out.writeLong(500_000_000L);
      out.writeInt(500_000_000); // 2 GB of floats claimed
      out.write(new byte[16]);
    }
    Path bad = Files.write(tmp.resolve("weights.bin"), b.toByteArray());
    IOException e = assertThrows(IOException.class, () -> TensorFile.read(bad));
    assertTrue(e.getMessage().startsWith(bad + " is damaged: tensor huge claims 500000000 values"), e.getMessage());
  }
}
