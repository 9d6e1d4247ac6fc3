package io.maskocr.app.ui.learn;

/**
 * The words around a step: its title, a short plain-language explanation and where in the
 * papers the idea comes from.
 *
 * @param title short title
 * @param explanation two to four plain sentences
 * @param paper the paper and the part of it this step illustrates
 * @param url where to read the paper
 */
public record StepInfo(String title, String explanation, String paper, String url) {}
