//! `isnad train ner` and `isnad eval ner`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use clap::Subcommand;
use isnad_pipeline::{ner, Pipeline};
use isnad_tagger::{conll, Tagger, TrainOptions};
use isnad_text::Segmenter;

#[derive(Subcommand)]
pub enum TrainCommand {
    /// Train the named-entity tagger on a CoNLL file (token TAB tag).
    Ner {
        /// Training data.
        #[arg(long, default_value = "../shared/data/ner/anercorp/train.conll")]
        conll: PathBuf,
        /// Where to write the model.
        #[arg(long, default_value = "data/models/ner.model")]
        out: PathBuf,
        /// Passes over the data.
        #[arg(long, default_value_t = TrainOptions::default().epochs)]
        epochs: usize,
        /// Drop features seen fewer times.
        #[arg(long, default_value_t = TrainOptions::default().min_count)]
        min_count: u32,
        /// Train only the first (sentence-level) pass.
        #[arg(long)]
        one_pass: bool,
    },
    /// Train the news-or-not model on a corpus's section labels (its training half).
    Topic(crate::topic::TopicArgs),
}

fn read_conll(path: &Path) -> anyhow::Result<Vec<conll::Sentence>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    conll::read(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

fn infos(p: &Pipeline, sents: &[conll::Sentence]) -> anyhow::Result<Vec<(Vec<isnad_tagger::TokenInfo>, Vec<u8>)>> {
    let dict = p.name_dict();
    let mut seg = Segmenter::new(p.lexicon());
    Ok(sents
        .iter()
        .map(|s| {
            let words: Vec<&str> = s.iter().map(|(w, _)| w.as_str()).collect();
            (ner::token_infos(&words, &mut seg, dict), s.iter().map(|(_, l)| *l).collect())
        })
        .collect())
}

pub fn train(cmd: TrainCommand, p: &Pipeline) -> anyhow::Result<ExitCode> {
    let (conll, out, epochs, min_count, one_pass) = match cmd {
        TrainCommand::Ner { conll, out, epochs, min_count, one_pass } => (conll, out, epochs, min_count, one_pass),
        TrainCommand::Topic(args) => return crate::topic::train(args, p),
    };
    let sents = read_conll(&conll)?;
    let data = infos(p, &sents)?;
    let t = Instant::now();
    let opts = TrainOptions { epochs, min_count, ..TrainOptions::default() };
    let (n_features, text) = if one_pass {
        let (m, t) = isnad_tagger::train(&data, &opts, &mut |l| eprintln!("{l}"));
        (m.n_features(), t)
    } else {
        let (m, t) =
            isnad_tagger::train_document(&data, &opts, 4, isnad_tagger::DEFAULT_WINDOW, &mut |l| eprintln!("{l}"));
        (m.n_features(), t)
    };
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&out, text.as_bytes()).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "trained on {} sentences in {:.1} s: {} features, {:.1} MB → {}",
        sents.len(),
        t.elapsed().as_secs_f64(),
        n_features,
        text.len() as f64 / 1e6,
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

pub fn eval(p: &Pipeline, conll: &Path, model: Option<&Path>, errors: usize) -> anyhow::Result<Vec<(String, f64)>> {
    let t = Instant::now();
    let model = match model {
        Some(path) => {
            let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
            Tagger::parse(&path.display().to_string(), &text)?
        }
        None => Tagger::load(p.data())?,
    };
    let load_ms = t.elapsed().as_secs_f64() * 1000.0;
    let sents = read_conll(conll)?;
    let data = infos(p, &sents)?;
    let mut score = conll::Score::default();
    let t = Instant::now();
    let (mut toks, gold): (Vec<_>, Vec<_>) = data.into_iter().unzip();
    let pred = model.predict(&mut toks, isnad_tagger::DEFAULT_WINDOW);
    for (g, p) in gold.iter().zip(&pred) {
        score.add(g, p);
    }
    println!("model: {} features, loaded in {load_ms:.1} ms", model.n_features());
    println!(
        "{} sentences, {} tokens, tagged in {:.2} s",
        gold.len(),
        gold.iter().map(|g| g.len()).sum::<usize>(),
        t.elapsed().as_secs_f64()
    );
    print!("{}", score.table());
    if errors > 0 {
        let (mut missed, mut spurious) = (Vec::new(), Vec::new());
        for ((sent, g), pr) in sents.iter().zip(&gold).zip(&pred) {
            let (gs, ps) = (isnad_tagger::spans(g), isnad_tagger::spans(pr));
            let show = |sp: &isnad_tagger::TokenSpan| {
                let words: Vec<&str> = sent.iter().map(|(w, _)| w.as_str()).collect();
                let lo = sp.start.saturating_sub(3);
                let hi = (sp.end + 3).min(words.len());
                format!(
                    "{:<5} [{}] … {} [{}] {} …",
                    isnad_tagger::TYPES[sp.ty as usize],
                    words[sp.start..sp.end].join(" "),
                    words[lo..sp.start].join(" "),
                    words[sp.start..sp.end].join(" "),
                    words[sp.end..hi].join(" ")
                )
            };
            missed.extend(gs.iter().filter(|s| !ps.contains(s)).map(show));
            spurious.extend(ps.iter().filter(|s| !gs.contains(s)).map(show));
        }
        println!("missed ({} in all):", missed.len());
        for m in missed.iter().take(errors) {
            println!("  {m}");
        }
        println!("spurious ({} in all):", spurious.len());
        for m in spurious.iter().take(errors) {
            println!("  {m}");
        }
    }
    let mut scores = vec![("ner.overall_f1".to_string(), score.overall.prf().2)];
    for (name, c) in isnad_tagger::TYPES.iter().zip(score.by_type.iter()) {
        scores.push((format!("ner.{}_f1", name.to_lowercase()), c.prf().2));
    }
    Ok(scores)
}
