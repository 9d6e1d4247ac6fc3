/**
 * External recognizers: ONNX models of other families (PaddleOCR's PP-OCR recognizer, PARSeq)
 * kept in the workspace under {@code models/<name>/} and run on DJL's OnnxRuntime engine on
 * the CPU, behind the same {@link io.maskocr.engine.infer.TextReader} as our checkpoints. Each
 * family's pre-processing and decoding follow its reference and are spelled out in the model's
 * {@code model.json}, so a reading can be traced to exactly the settings that made it.
 */
package io.maskocr.engine.external;
