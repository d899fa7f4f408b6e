//! Prints the stance labels of each line of a file, read as a statement in
//! its own words: `issue=label rule`.
use stancetrack::stance::Codebook;

fn main() {
    let path = std::env::args().nth(1).expect("usage: label_one FILE");
    let text = std::fs::read_to_string(&path).expect("readable file");
    let codebook = Codebook::builtin();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let labels: Vec<String> = codebook
            .label(line, line)
            .iter()
            .map(|l| format!("{}={} {}", l.issue, l.label.as_str(), l.rule))
            .collect();
        println!("{line}\n    {}", labels.join("; "));
    }
}
