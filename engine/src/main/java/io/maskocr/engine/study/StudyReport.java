package io.maskocr.engine.study;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a study with what is needed to judge it.
 *
 * @param config what was run
 * @param machine OS, CPU, cores, Java, engine and threads
 * @param threads intra-op threads the engine trained with
 * @param command the command line that started it (or a description)
 * @param startedAt ISO-8601 start
 * @param finishedAt ISO-8601 end
 * @param secondsPerStep measured cost of one step per stage type (used to fit a time budget; empty
 *     under a step budget)
 * @param trainImages images in the train split
 * @param testImages images in the test split
 * @param rows one per (recipe, fraction)
 */
public record StudyReport(
    StudyConfig config, String machine, int threads, String command, String startedAt, String finishedAt,
    Map<String, Double> secondsPerStep, int trainImages, int testImages, List<StudyRow> rows) {}
