package io.maskocr.test.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.renderer.RendererAssets;
import io.maskocr.renderer.config.Effect;
import io.maskocr.renderer.config.EffectKind;
import io.maskocr.renderer.config.StyleConfig;
import io.maskocr.viewers.render.RenderPreviewModel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** Latest-wins: a burst of edits renders once, for the newest state. */
@ExtendWith(ApplicationExtension.class) // starts the toolkit (the model builds JavaFX images)
class RenderPreviewModelTest {
  @Test
  void burstOfEditsRendersOnlyTheNewestConfig() throws Exception {
    RendererAssets assets = RendererAssets.load(RenderPreviewTest.repo());
    Deque<Runnable> queued = new ArrayDeque<>();
    Executor manual = queued::add;
    RenderPreviewModel model = new RenderPreviewModel(assets, manual, Runnable::run);
    javafx.application.Platform.runLater(() -> { });
    int[] published = {0};
    model.cellsProperty().addListener((o, a, b) -> published[0]++);
    StyleConfig c = StyleConfig.defaults();
    for (int i = 0; i <= 40; i++) {
      c = c.withEffect(EffectKind.ROTATION, new Effect(1, -i, i));
      model.configProperty().set(c);
    }
    assertEquals(1, queued.size(), "one worker for the whole burst");
    while (!queued.isEmpty()) {
      queued.poll().run();
    }
    assertEquals(1, published[0], "one grid published");
    assertTrue(model.cellsProperty().get().stream()
        .allMatch(cell -> Math.abs(cell.sample().style().effects().get("rotation")) <= 40));
    assertTrue(model.statusProperty().get().contains("12 samples"));
  }
}
