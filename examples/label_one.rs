//! Prints the stance labels of each line of a file, read as a statement in
//! its own words (or, written `statement ||| sentence`, with the sentence that
//! reports it): `issue=label rule`.
use stancetrack::stance::Codebook;

fn main() {
    let path = std::env::args().nth(1).expect("usage: label_one FILE");
    let text = std::fs::read_to_string(&path).expect("readable file");
    let codebook = Codebook::builtin();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        // `statement ||| sentence`: the statement judged with its sentence.
        let (statement, context) = line.split_once(" ||| ").unwrap_or((line, line));
        let labels: Vec<String> = codebook
            .label(statement, context)
            .iter()
            .map(|l| format!("{}={} {}", l.issue, l.label.as_str(), l.rule))
            .collect();
        println!("{line}\n    {}", labels.join("; "));
    }
}
