package io.maskocr.engine.infer.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.maskocr.engine.MaskocrHome;
import io.maskocr.engine.infer.Prediction;
import io.maskocr.engine.infer.RandomCrops;
import io.maskocr.engine.infer.Recognizer;
import io.maskocr.engine.model.CharacterSet;
import io.maskocr.engine.model.GradMode;
import io.maskocr.engine.model.HostArrays;
import io.maskocr.engine.model.MaskOcrModel;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.model.Patches;
import io.maskocr.engine.train.ModelSpec;
import io.maskocr.engine.train.StarterModel;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The ONNX graph computes what the PyTorch model computes, for both conv stems, and reads alike. */
class OnnxForwardTest {
  private static final CharacterSet LATIN36 = CharacterSet.fromSpec("latin36");

  @ParameterizedTest
  @ValueSource(strings = {"conv", "conv-strided"})
  void theGraphGivesTheModelsOutputs(String stem) {
    ModelConfig c = ModelSpec.miniature().with("charset", "latin36").with("stem", stem).resolve();
    List<float[]> crops = RandomCrops.of(c.pixelCount(), 5, 3);
    try (MaskOcrModel model = MaskOcrModel.create(c, LATIN36);
        OnnxForward onnx = OnnxForward.open(c, model.weights(), RecognizerGraph.Precision.FP32, 1)) {
      float[][] expected = pytorch(model, crops);
      OnnxForward.Output got = onnx.run(crops);
      assertClose(expected[0], got.probs(), 1e-5, "decoder probabilities");
      assertClose(expected[1], got.attention(), 1e-5, "cross-attention");
      assertClose(expected[2], got.ctcLogProbs(), 1e-4, "CTC log-probabilities");
    }
  }

  @Test
  void theStarterReadsTheBundledWordsAlikeOnBothEngines() throws Exception {
    List<BufferedImage> words = bundledWords();
    try (Recognizer torch = Recognizer.load(StarterModel.require(), InferenceEngine.DJL);
        Recognizer onnx = Recognizer.load(StarterModel.require(), InferenceEngine.ONNX)) {
      assertEquals("pytorch", torch.forwardEngine());
      assertEquals("onnxruntime fp32", onnx.forwardEngine());
      List<Prediction> a = torch.predictImages(words);
      List<Prediction> b = onnx.predictImages(words);
      for (int i = 0; i < a.size(); i++) {
        assertEquals(a.get(i).text(), b.get(i).text(), "word " + i);
        assertEquals(a.get(i).confidence(), b.get(i).confidence(), 1e-4, "word " + i);
        // a turned or deskewed reading has no attention map; both engines must choose it alike
        assertEquals(a.get(i).attention().length, b.get(i).attention().length, "attention rows of word " + i);
        if (a.get(i).attention().length > 0) {
          assertClose(a.get(i).attention()[0], b.get(i).attention()[0], 1e-4, "attention of word " + i);
        }
      }
    }
  }

  @Test
  void int8LinearLayersReadNearlyAllWordsAsFloatsDo() throws Exception {
    List<BufferedImage> words = bundledWords();
    try (Recognizer fp32 = Recognizer.load(StarterModel.require(), InferenceEngine.ONNX);
        Recognizer int8 = Recognizer.load(StarterModel.require(), InferenceEngine.ONNX_INT8)) {
      assertEquals("onnxruntime int8", int8.forwardEngine());
      List<Prediction> a = fp32.predictImages(words);
      List<Prediction> b = int8.predictImages(words);
      int same = 0;
      for (int i = 0; i < a.size(); i++) {
        same += a.get(i).text().equals(b.get(i).text()) ? 1 : 0;
      }
      assertTrue(same >= a.size() * 0.9, same + " of " + a.size() + " read alike");
    }
  }

  @Test
  void aLinearStemReadsOnPyTorch() {
    ModelConfig c = ModelSpec.miniature().with("charset", "latin36").with("stem", "linear").resolve();
    try (MaskOcrModel model = MaskOcrModel.create(c, LATIN36)) {
      assertNull(InferenceEngine.ONNX.open(model));
      assertThrows(IllegalArgumentException.class,
          () -> RecognizerGraph.write(c, model.weights(), RecognizerGraph.Precision.FP32));
    }
    ModelConfig conv = ModelSpec.miniature().with("charset", "latin36").with("stem", "conv").resolve();
    try (MaskOcrModel model = MaskOcrModel.create(conv, LATIN36); OnnxForward f = InferenceEngine.ONNX.open(model)) {
      assertNotNull(f);
    }
  }

  @Test
  void anUnknownEngineNameIsRefusedWithTheChoices() {
    String before = System.getProperty("maskocr.inference");
    System.setProperty("maskocr.inference", "tensorrt");
    try {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, InferenceEngine::configured);
      assertTrue(e.getMessage().contains("djl, onnx or onnx-int8") && e.getMessage().contains("tensorrt"), e.getMessage());
    } finally {
      if (before == null) {
        System.clearProperty("maskocr.inference");
      } else {
        System.setProperty("maskocr.inference", before);
      }
    }
  }

  /** Decoder probabilities, cross-attention and CTC log-probabilities as {@code Recognizer} computes them. */
  private static float[][] pytorch(MaskOcrModel model, List<float[]> crops) {
    GradMode.disableOnThisThread();
    Patches patches = new Patches(model.config());
    int n = patches.count();
    int p = patches.size();
    float[] px = new float[crops.size() * n * p];
    for (int i = 0; i < crops.size(); i++) {
      patches.patchify(crops.get(i), px, i * n * p);
    }
    ParameterStore ps = model.newParameterStore();
    try (NDManager mgr = model.manager().newSubManager()) {
      NDArray features = model.encode(ps, HostArrays.tensor(mgr, px, new Shape(crops.size(), n, p)), false);
      NDList out = model.decode(ps, features, false);
      return new float[][] {
        out.get(0).softmax(2).toFloatArray(),
        out.get(1).toFloatArray(),
        model.ctcLogits(ps, features, false).logSoftmax(2).toFloatArray()
      };
    }
  }

  private static void assertClose(float[] expected, float[] got, double tolerance, String what) {
    assertEquals(expected.length, got.length, what + " size");
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], got[i], tolerance, what + " at " + i);
    }
  }


  private static List<BufferedImage> bundledWords() throws Exception {
    Path words = MaskocrHome.samples().resolve("datasets").resolve("synth-words");
    List<BufferedImage> images = new ArrayList<>();
    for (String line : Files.readAllLines(words.resolve("labels.tsv"))) {
      images.add(ImageIO.read(words.resolve(line.split("\t")[0]).toFile()));
    }
    return images;
  }
}
