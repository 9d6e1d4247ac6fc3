package io.maskocr.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelsTsvTest {
  @TempDir Path dir;

  @Test
  void labelsAreKeptVerbatimAfterTheFirstTabAndALineWithoutTabIsUnlabeled() throws Exception {
    Path f = dir.resolve("labels.tsv");
    // a BOM, CRLF ends, a blank line, a label with a space and a tab, an unlabeled image
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = " a.png\tNew York\r\n\r\nb.png\tx\ty\r\nc.png\n".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, bom.length);
    System.arraycopy(body, 0, all, bom.length, body.length);
    Files.write(f, all);
    assertEquals(List.of(
            new LabelsTsv.Entry(1, "a.png", "New York"),
            new LabelsTsv.Entry(3, "b.png", "x\ty"),
            new LabelsTsv.Entry(4, "c.png", null)),
        LabelsTsv.read(f, false));
  }

  @Test
  void aMissingLabelWhereLabelsAreRequiredNamesTheFileAndLine() throws Exception {
    Path f = dir.resolve("labels.tsv");
    Files.writeString(f, "a.png\tok\nno-tab-here\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabelsTsv.read(f, true));
    assertTrue(e.getMessage().startsWith(f + ":2: expected file<TAB>label"), e.getMessage());
  }

  @Test
  void aLineThatIsNotUtf8OrHasNoPathIsNamed() throws Exception {
    Path f = dir.resolve("labels.tsv");
    Files.write(f, new byte[] {'a', '\t', 'o', 'k', '\n', 'b', '\t', (byte) 0xC3, (byte) 0x28, '\n'});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabelsTsv.read(f, false));
    assertTrue(e.getMessage().startsWith(f + ":2: not UTF-8"), e.getMessage());
    Files.writeString(f, "a.png\tok\n \tlabel\n");
    e = assertThrows(IllegalArgumentException.class, () -> LabelsTsv.read(f, false));
    assertTrue(e.getMessage().startsWith(f + ":2: no image path before the tab"), e.getMessage());
  }
}
