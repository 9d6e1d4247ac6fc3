package io.maskocr.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharacterSetTest {
  @Test
  void latin36FoldsLabelsAndEndsWithTheEndToken() {
    CharacterSet cs = CharacterSet.latin36();
    assertEquals(37, cs.vocabularySize());
    assertEquals("hello42", cs.normalize("Hello, 42!"));
    int[] ids = cs.encode("Ab1");
    assertArrayEquals(new int[] {11, 12, 2, CharacterSet.EOS}, ids);
    assertEquals("ab1", cs.decode(ids));
  }

  @Test
  void latin94IsCaseSensitiveAndRefusesSpaces() {
    CharacterSet cs = CharacterSet.latin94();
    assertEquals(94, cs.size());
    assertEquals("A", cs.decode(cs.encode("A")));
    assertFalse(cs.canEncode("a b"));
    assertThrows(IllegalArgumentException.class, () -> cs.encode("é"));
  }

  @Test
  void charsetFilesListSymbolsOnceAndErrorsNameTheLine(@TempDir Path dir) throws Exception {
    Path ok = dir.resolve("cjk.txt");
    Files.writeString(ok, "中文\n字 符\n");
    CharacterSet cs = CharacterSet.fromSpec(ok.toString());
    assertEquals(4, cs.size());
    assertEquals("中字", cs.decode(new int[] {1, 3, 0, 2}));
    Path dup = dir.resolve("dup.txt");
    Files.writeString(dup, "ab\nca\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CharacterSet.fromSpec(dup.toString()));
    assertTrue(e.getMessage().contains("dup.txt:2") && e.getMessage().contains("line 1"), e.getMessage());
  }

  @Test
  void aCheckpointWithAnotherCharsetIsRefused() {
    io.maskocr.engine.train.CheckpointInfo info = new io.maskocr.engine.train.CheckpointInfo(
        1, "r", 10, 0, 0, TestModels.micro(), "latin36", CharacterSet.latin36().symbols(), true, null, "now");
    io.maskocr.engine.train.Checkpoints.requireCharset(info, CharacterSet.latin36());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> io.maskocr.engine.train.Checkpoints.requireCharset(info, CharacterSet.latin94()));
    assertTrue(e.getMessage().contains("latin36") && e.getMessage().contains("latin94"), e.getMessage());
  }
}
