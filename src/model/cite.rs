//! How to cite the atlas and the paper it follows, in the words every export, the title
//! card and the handout use. The paper's details are those of `data/sources.json`.

/// The source paper.
pub const PAPER_AUTHOR: &str = "Meher Azfar Rana";
pub const PAPER_TITLE: &str =
    "The Resurgence of Islamic State Khorasan Province (ISKP): Exploiting a Counterterrorism Gap";
pub const PAPER_PUBLISHER: &str = "Centre for Aerospace and Security Studies (CASS), Lahore";
pub const PAPER_DATE: &str = "2024-06";
pub const PAPER_URL: &str = "https://casslhr.com/?p=5865";

/// The atlas's version, as built.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// "Rana, Meher Azfar (June 2024). The Resurgence ... CASS, Lahore."
pub fn paper() -> String {
    format!("{PAPER_AUTHOR} (June 2024). {PAPER_TITLE}. {PAPER_PUBLISHER}.")
}

/// "ISKP Atlas 0.1.0, data through February 2026."
pub fn atlas(through: &str) -> String {
    format!("ISKP Atlas {VERSION}, {}.", through.to_lowercase_first())
}

trait LowerFirst {
    fn to_lowercase_first(&self) -> String;
}

impl LowerFirst for str {
    fn to_lowercase_first(&self) -> String {
        let mut c = self.chars();
        c.next()
            .map(|f| f.to_lowercase().chain(c).collect())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_read_as_sentences() {
        assert_eq!(
            atlas("Data through February 2026"),
            format!("ISKP Atlas {VERSION}, data through February 2026.")
        );
        assert!(paper().starts_with("Meher Azfar Rana (June 2024). The Resurgence"));
    }
}
