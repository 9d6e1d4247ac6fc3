package io.maskocr.engine.store;

/**
 * Fills a team database with a large synthetic queue for {@code maskocr bench team}: one dataset
 * of {@code n} samples (no image bytes: the benchmark never decodes) with one prediction each,
 * generated inside the server so a million rows take seconds, not a million round trips.
 */
public final class BenchSeed {
  private BenchSeed() {}

  /** Creates dataset {@code name} with {@code n} samples and predictions of checkpoint {@code checkpoint}. */
  public static Dataset queue(Workspace ws, String name, int n, String checkpoint) {
    if (!ws.isTeam()) {
      throw new StoreException("the team benchmark seeds a PostgreSQL workspace only");
    }
    Dataset d = ws.datasets().create(name);
    Db db = ws.db();
    db.write(c -> {
      Sql.update(c, "INSERT INTO samples(dataset_id, sha256, format, width, height, original_name, split, created)"
          + " SELECT ?, lpad(to_hex(g), 64, '0'), 'png', 128, 32, 'bench' || g || '.png', 'train', 0"
          + " FROM generate_series(1, ?) g", d.id(), n);
      Sql.update(c, "INSERT INTO predictions(sample_id, dataset_id, checkpoint, text, confidence, char_probs, created)"
          + " SELECT id, dataset_id, ?, 'word', random(), NULL, 0 FROM samples WHERE dataset_id = ?", checkpoint, d.id());
      Sql.update(c, "ANALYZE samples");
      Sql.update(c, "ANALYZE predictions");
      return null;
    });
    return d;
  }
}
