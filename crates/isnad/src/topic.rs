//! `isnad train topic`: the news-or-not model (`data/models/topic.tsv`) from a corpus's own
//! section labels. Half of the corpus (by a hash of the article id) is the training half; the
//! other half stays out, to measure the model on (`scripts/relevance-report.py --half 1`). The
//! articles of the evaluation sets are left out as well.

use std::collections::HashSet;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use isnad_pipeline::Pipeline;
use isnad_records::topic::{TopicModel, TrainOptions};

/// Sections that are news of politics and conflict.
const NEWS: [&str; 2] = ["middleEast", "internationalNews"];
/// Sections that are not (economy is neither: it is left out of training).
const OTHER: [&str; 3] = ["sport", "technology", "culture"];

/// Arguments of `isnad train topic`.
#[derive(clap::Args)]
pub struct TopicArgs {
    /// JSON Lines corpus with id, category and text.
    #[arg(long, default_value = "../shared/data/news/ant-multisource/articles.jsonl")]
    corpus: PathBuf,
    /// Files listing article ids (first column) never to train on.
    #[arg(long, default_value = "eval/conflict/articles.tsv")]
    exclude: Vec<PathBuf>,
    /// Where to write the model.
    #[arg(long, default_value = "data/models/topic.tsv")]
    out: PathBuf,
    /// Probability of news below which a document's events are not reported.
    #[arg(long, default_value_t = 0.5)]
    threshold: f64,
    /// Documents with fewer distinct stems are always reported.
    #[arg(long, default_value_t = 15)]
    min_stems: usize,
    /// Passes over the data.
    #[arg(long, default_value_t = TrainOptions::default().epochs)]
    epochs: usize,
    /// L2 penalty per update.
    #[arg(long, default_value_t = TrainOptions::default().l2)]
    l2: f64,
    /// Weights smaller than this are not written.
    #[arg(long, default_value_t = TrainOptions::default().prune)]
    prune: f64,
}

/// One labelled article: its section, its distinct stems, whether it is in the training half.
struct Article {
    section: String,
    stems: Vec<String>,
    train: bool,
}

/// Whether an article id is in the training half (the other half is held out).
pub fn training_half(id: &str) -> bool {
    isnad_text::hash::fnv1a(id.as_bytes()).is_multiple_of(2)
}

pub fn train(args: TopicArgs, p: &Pipeline) -> anyhow::Result<ExitCode> {
    let mut excluded = HashSet::new();
    for f in &args.exclude {
        let text = std::fs::read_to_string(f).with_context(|| format!("cannot read {}", f.display()))?;
        excluded.extend(text.lines().filter_map(|l| l.split('\t').next()).map(str::to_string));
    }
    let articles = read_articles(&args.corpus, &excluded, p)?;
    let docs: Vec<(Vec<String>, bool)> = articles
        .iter()
        .filter(|a| a.train && (NEWS.contains(&a.section.as_str()) || OTHER.contains(&a.section.as_str())))
        .map(|a| (a.stems.clone(), NEWS.contains(&a.section.as_str())))
        .collect();
    let news = docs.iter().filter(|d| d.1).count();
    eprintln!("training on {} articles ({news} news, {} other)", docs.len(), docs.len() - news);
    let opts = TrainOptions { epochs: args.epochs, l2: args.l2, prune: args.prune, ..TrainOptions::default() };
    let mut model = TopicModel::train(&docs, &opts);
    model.threshold = args.threshold;
    model.min_stems = args.min_stems;
    report_held_out(&model, &articles);
    let preamble = format!(
        "# The news-or-not model of isnad (see crates/records/src/topic.rs): logistic-regression weights of\n\
         # stems (present or not in a document); a document is news when the probability reaches the\n\
         # threshold. Trained by `isnad train topic` on the section labels of half of the ANT Corpus v2.1,\n\
         # multi-source (Chouigui, Ben Khiroun & Elayeb; cite as its SOURCE.txt asks): {news} news articles\n\
         # (middleEast, internationalNews) against {} sport, technology and culture articles, the\n\
         # evaluation sets' articles left out. Derived weights only; no corpus text.\n",
        docs.len() - news
    );
    std::fs::write(&args.out, model.to_text(&preamble))
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    eprintln!("wrote {}", args.out.display());
    Ok(ExitCode::SUCCESS)
}

/// Per section of the held-out half: the share of articles the model judges news.
fn report_held_out(model: &TopicModel, articles: &[Article]) {
    let mut by: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for a in articles.iter().filter(|a| !a.train) {
        let e = by.entry(a.section.as_str()).or_default();
        e.0 += 1;
        e.1 += usize::from(model.judge(a.stems.iter().map(String::as_str)).1);
    }
    eprintln!("held-out half, reported (news at threshold {}, or under {} stems):", model.threshold, model.min_stems);
    for (section, (n, news)) in by {
        eprintln!("  {section:<18} {:5.1}% of {n}", 100.0 * news as f64 / n.max(1) as f64);
    }
}

/// The corpus's articles with a section, both halves (the evaluation sets' articles left out).
fn read_articles(corpus: &Path, excluded: &HashSet<String>, p: &Pipeline) -> anyhow::Result<Vec<Article>> {
    let file = std::fs::File::open(corpus).with_context(|| format!("cannot read {}", corpus.display()))?;
    let mut docs = Vec::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let v: serde_json::Value =
            serde_json::from_str(&line?).with_context(|| format!("{}:{}", corpus.display(), i + 1))?;
        let (Some(id), Some(cat), Some(text)) = (v["id"].as_str(), v["category"].as_str(), v["text"].as_str()) else {
            continue;
        };
        if !excluded.contains(id) {
            docs.push(Article { section: cat.to_string(), stems: p.topic_stems(text), train: training_half(id) });
        }
    }
    Ok(docs)
}
