package io.maskocr.app.ui.learn;

import io.maskocr.app.ui.task.TaskExecutor;
import java.util.List;

/** The eight steps of the walk-through, in order, with their words. */
final class LearnSteps {
  private LearnSteps() {}

  static final StepInfo PATCHES = new StepInfo("The picture becomes patches",
      "The recognizer never sees your picture as it is. It is stretched to one fixed size and cut into "
          + "small pieces called patches; by default narrow vertical strips, so one strip holds part of a letter. "
          + "Each patch becomes one token for the transformer encoder, like a word in a sentence. Drag the patch "
          + "size to see how many tokens the picture would become.",
      "MaskOCR: the ViT encoder reads a text image as a sequence of patches; the paper's ablations compare "
          + "patch sizes and masking ratios.", StepInfo.MASKOCR);

  static final StepInfo MASKING = new StepInfo("Hiding patches",
      "To learn what text looks like without any labels, training hides many patches and asks the model to "
          + "paint them back. The encoder only gets the visible patches, so it has to understand the shapes well "
          + "enough to imagine the rest. Try the ratio and the three ways of choosing what to hide.",
      "MaskOCR: encoder pre-training by masked image modeling on unlabeled real text images; the best mask "
          + "ratio for text is lower than for ordinary photos.", StepInfo.MASKOCR);

  static final StepInfo RECONSTRUCTION = new StepInfo("The encoder fills the gaps",
      "Here the trained encoder sees only the visible patches and a small decoder paints every patch back. "
          + "Bright cells in the error map are where the guess was worst. Raise the ratio: the harder the puzzle, "
          + "the blurrier the answer. The decoder is thrown away after pre-training; the encoder is what we keep.",
      "MaskOCR: masked image modeling with a separate light decoder, so the encoder concentrates on learning "
          + "good visual features.", StepInfo.MASKOCR);

  static final StepInfo RENDERING = new StepInfo("Drawing text with character boxes",
      "Labels cost human time, but the computer can draw its own text: any word, in many fonts, colours and "
          + "distortions, and it knows exactly where every character is. Change the style controls and watch the "
          + "red character boxes: they make the next step possible.",
      "MaskOCR: a text corpus is turned into synthesized text images, so language can be learned through "
          + "images.", StepInfo.MASKOCR);

  static final StepInfo MILM = new StepInfo("Hiding whole characters",
      "Because we know where each letter is, we can erase whole letters. The decoder must still spell the word; "
          + "for an erased letter it can only use the letters around it. That teaches it spelling: a language "
          + "model inside the recognizer. The encoder stays frozen meanwhile, so drawn text cannot spoil what it "
          + "learned from real pictures.",
      "MaskOCR: masked image-language modeling (MILM) pre-trains the decoder on synthetic text with the "
          + "encoder frozen.", StepInfo.MASKOCR);

  static final StepInfo ATTENTION = new StepInfo("Where each character looks",
      "The decoder has one query per character position. Each query looks over all patches and gathers what "
          + "it needs; the heat map shows where it looked. In a good model the first query looks at the first "
          + "letter, the second at the second, and so on. Click a character or use the arrow keys.",
      "MaskOCR: a transformer decoder with learned character queries that cross-attend to the encoder's "
          + "patch features and predict all characters in parallel.", StepInfo.MASKOCR);

  static final StepInfo CONFIDENCE = new StepInfo("How sure is it, and who checks?",
      "Every character gets a probability; multiplied together (with the end of the word) they give the "
          + "reading's confidence. Wrong readings tend to have low confidence, so a person only needs to check "
          + "the least confident ones: the annotation queue shows them first, and the corrections train the next "
          + "model. Move the threshold to trade checking work against missed errors.",
      "Not in the papers: this app's annotation loop. Confidence is the product of character probabilities, "
          + "as in PARSeq (Bautista and Atienza, 2022).", "https://arxiv.org/abs/2207.06966");

  static final StepInfo ODM = new StepInfo("Clean targets: destylization",
      "Another way to teach the encoder where text is: give it a styled word and ask for the same word redrawn "
          + "in one plain font, black on white. Colour, texture and distortion must all be ignored. A text "
          + "controller drops or swaps some letters in the prompt and erases them from the target, so the model "
          + "must check which letter is where instead of copying ink.",
      "ODM: OCR-text destylization modeling, its Text-Controller (drop-text, noise-text) and labels rendered "
          + "from font files.", StepInfo.ODM);

  /** All steps, built once per view. */
  static List<LearnStep> create(TaskExecutor executor, ConfidenceStep.BundledSamplesSource samples) {
    return List.of(new PatchStep(PATCHES), new MaskStep(MASKING), new ReconstructStep(RECONSTRUCTION),
        new RenderStep(RENDERING, executor), new MilmStep(MILM), new AttentionStep(ATTENTION),
        new ConfidenceStep(CONFIDENCE, samples), new OdmStep(ODM));
  }

  /** Number of steps. */
  static final int COUNT = 8;
}
