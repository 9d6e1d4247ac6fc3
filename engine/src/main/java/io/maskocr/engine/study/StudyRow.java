package io.maskocr.engine.study;

import java.util.List;

/**
 * One run of a study.
 *
 * @param recipe recipe name
 * @param fraction share of the labelled train split
 * @param labelled labelled training images used
 * @param runId workspace run id
 * @param stageSteps steps per stage, e.g. {@code mim 120, finetune 400}
 * @param trainSeconds wall-clock training time
 * @param completed false when the time cap stopped the run before its last step
 * @param accuracy36 test word accuracy, 36-symbol protocol (NaN when the run failed)
 * @param accuracyFull test word accuracy, case-sensitive
 * @param oneMinusNed test mean 1-NED
 * @param tested test images
 * @param error why the run failed, or null
 */
public record StudyRow(
    String recipe, double fraction, int labelled, long runId, List<String> stageSteps, double trainSeconds,
    boolean completed, double accuracy36, double accuracyFull, double oneMinusNed, int tested, String error) {}
