package dev.failuremodes.evaluation;

import dev.failuremodes.CaseStudy;
import dev.failuremodes.Catalog;
import dev.failuremodes.DetectionMethod;
import dev.failuremodes.FailureMode;
import dev.failuremodes.Indicator;
import dev.failuremodes.Symptom;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The simplest thing a user could do instead of the engine: index one document per failure mode, made of all of
 * that mode's text in the catalog, with Lucene's {@link EnglishAnalyzer} and BM25 (default parameters), and rank the
 * modes by the BM25 score of the inputs' words. Nothing is tuned. Thread-safe once built.
 */
public final class LuceneBaseline implements Function<List<String>, List<String>> {
  private final Analyzer analyzer = new EnglishAnalyzer();
  private final IndexSearcher searcher;
  private final double minScore;

  /** Indexes every failure mode of the catalog that is not deprecated; every match is ranked. */
  public LuceneBaseline(Catalog catalog) {
    this(catalog, 0);
  }

  /**
   * Indexes every failure mode of the catalog, and abstains when the best BM25 score is below {@code minScore}: the
   * simplest way a user of a search engine would say "nothing here".
   */
  public LuceneBaseline(Catalog catalog, double minScore) {
    this.minScore = minScore;
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity());
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (FailureMode mode : catalog.failureModes()) {
        if (mode.deprecated()) {
          continue;
        }
        Document doc = new Document();
        doc.add(new StringField("id", mode.id(), Field.Store.YES));
        doc.add(new TextField("text", document(catalog, mode), Field.Store.NO));
        writer.addDocument(doc);
      }
      writer.commit();
      searcher = new IndexSearcher(DirectoryReader.open(directory));
      searcher.setSimilarity(new BM25Similarity());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns all of a mode's text: id, name, aliases, summary, description, mechanisms, presentations; the name,
   * description and aliases of each indicator symptom; its detection methods; the summaries of its case studies.
   */
  public static String document(Catalog catalog, FailureMode mode) {
    List<String> parts = new ArrayList<>();
    parts.add(mode.id().replace('-', ' '));
    parts.add(mode.name());
    parts.addAll(mode.aliases());
    parts.add(mode.summary());
    parts.add(mode.description());
    parts.addAll(mode.mechanisms());
    for (Indicator i : mode.indicators()) {
      Symptom s = catalog.requireSymptom(i.symptom());
      parts.add(s.name());
      parts.add(s.description());
      parts.addAll(s.aliases());
    }
    for (DetectionMethod d : mode.detection()) {
      parts.add(d.name());
      parts.add(d.description());
    }
    for (CaseStudy c : catalog.caseStudiesOf(mode)) {
      parts.add(c.summary());
    }
    mode.presentations().forEach(p -> parts.add(p.text()));
    return String.join("\n", parts);
  }

  /** Returns up to ten failure-mode ids by BM25 score of the inputs' words, best first; none when no word matches. */
  @Override
  public List<String> apply(List<String> inputs) {
    List<String> ids = new ArrayList<>();
    ScoreDoc[] hits = search(inputs);
    if (hits.length == 0 || hits[0].score < minScore) {
      return ids;
    }
    try {
      for (ScoreDoc hit : hits) {
        ids.add(searcher.storedFields().document(hit.doc).get("id"));
      }
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the best BM25 score for the inputs, or 0 when no word matches. */
  public double bestScore(List<String> inputs) {
    ScoreDoc[] hits = search(inputs);
    return hits.length == 0 ? 0 : hits[0].score;
  }

  private ScoreDoc[] search(List<String> inputs) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    int clauses = 0;
    for (String input : inputs) {
      try (TokenStream tokens = analyzer.tokenStream("text", input)) {
        CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
        tokens.reset();
        // A query parser would give each word a clause; Lucene allows 1024 by default, so longer inputs are cut.
        while (tokens.incrementToken() && clauses < IndexSearcher.getMaxClauseCount()) {
          query.add(new TermQuery(new Term("text", term.toString())), BooleanClause.Occur.SHOULD);
          clauses++;
        }
        tokens.end();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try {
      return searcher.search(query.build(), 10).scoreDocs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
