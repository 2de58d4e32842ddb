//! Prints the sentences and tokens of a text file: `cargo run --example split -- FILE`.

use readout::nlp::{sentence, token};

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: split FILE"))?;
    let text = std::fs::read_to_string(&path)?;
    let tokens = token::tokenize(&text);
    for s in sentence::split(&text, &tokens) {
        let words: Vec<&str> = tokens[s.tokens.clone()]
            .iter()
            .map(|t| t.text(&text))
            .collect();
        println!("{}", words.join(" "));
    }
    Ok(())
}
