//! The file types Annals opens, as the desktop knows them: a MIME type for
//! each format of [`Format::ALL`], and the shared-mime-info package that
//! defines the types no other package does (`mime/packages/annals.xml`).
//!
//! An Annals dataset is RON, a format many programs use for their own files,
//! so `*.ron` alone does not make one: a dataset is a file named `*.annals.ron`,
//! or any file whose first 4 KiB hold `Dataset(`, the opening of every dataset
//! (after the comments a curator may put above it).

use crate::import::Format;

/// The MIME type of Annals datasets.
pub const DATASET_TYPE: &str = "application/x-annals-dataset";

/// A MIME type that Annals defines, because no common package does.
struct DefinedType {
    /// The type's name.
    name: &'static str,
    /// What a file of this type is, in words.
    comment: &'static str,
    /// The type it is a kind of.
    parent: &'static str,
    /// The file names that have it (matched regardless of case).
    globs: &'static [&'static str],
    /// The XML that recognises it from its content.
    content: &'static str,
}

/// Every type this package defines.
const DEFINED: [DefinedType; 6] = [
    DefinedType {
        name: DATASET_TYPE,
        comment: "Annals dataset",
        parent: "text/plain",
        globs: &["*.annals.ron"],
        content: r#"<magic priority="60"><match type="string" value="Dataset(" offset="0:4096"/></magic>"#,
    },
    DefinedType {
        name: "application/x-timeline-project",
        comment: "Timeline file",
        parent: "application/xml",
        globs: &["*.timeline"],
        content: r#"<root-XML namespaceURI="" localName="timeline"/>"#,
    },
    DefinedType {
        name: "text/x-gdelt-events",
        comment: "GDELT events",
        parent: "text/tab-separated-values",
        globs: &["*.export.csv"],
        content: "",
    },
    DefinedType {
        name: "application/x-gdelt-events-zip",
        comment: "GDELT events (zip)",
        parent: "application/zip",
        globs: &["*.export.csv.zip"],
        content: "",
    },
    DefinedType {
        name: "text/x-icews-events",
        comment: "ICEWS events",
        parent: "text/tab-separated-values",
        globs: &["events.*.tab"],
        content: "",
    },
    DefinedType {
        name: "application/x-icews-events-zip",
        comment: "ICEWS events (zip)",
        parent: "application/zip",
        globs: &["events.*.tab.zip"],
        content: "",
    },
];

/// The MIME types of a format's files: common ones (CSV, JSON) where the
/// format has no type of its own.
pub fn mime_types(format: Format) -> &'static [&'static str] {
    match format {
        Format::Ron => &[DATASET_TYPE],
        Format::Csv => &["text/csv", "text/tab-separated-values"],
        Format::TimelineJs | Format::Vis => &["application/json"],
        Format::Timeline => &["application/x-timeline-project"],
        Format::Gdelt => &["text/x-gdelt-events", "application/x-gdelt-events-zip"],
        Format::Icews => &["text/x-icews-events", "application/x-icews-events-zip"],
    }
}

/// Every type Annals opens, once each, in the order of [`Format::ALL`]: the
/// desktop entry's `MimeType`.
pub fn opened_types() -> Vec<&'static str> {
    let mut types: Vec<&str> = Vec::new();
    for format in Format::ALL {
        for name in mime_types(format) {
            if !types.contains(name) {
                types.push(name);
            }
        }
    }
    types
}

/// The shared-mime-info package, `mime/packages/annals.xml`.
pub fn package_xml() -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <mime-info xmlns=\"http://www.freedesktop.org/standards/shared-mime-info\">\n",
    );
    for defined in &DEFINED {
        xml.push_str(&format!("  <mime-type type=\"{}\">\n", defined.name));
        xml.push_str(&format!("    <comment>{}</comment>\n", defined.comment));
        xml.push_str(&format!(
            "    <sub-class-of type=\"{}\"/>\n",
            defined.parent
        ));
        for glob in defined.globs {
            xml.push_str(&format!("    <glob pattern=\"{glob}\"/>\n"));
        }
        if !defined.content.is_empty() {
            xml.push_str(&format!("    {}\n", defined.content));
        }
        xml.push_str("  </mime-type>\n");
    }
    xml.push_str("</mime-info>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_has_a_type_and_every_type_of_our_own_is_defined() {
        let xml = package_xml();
        let document = roxmltree::Document::parse(&xml).expect("the package is XML");
        let defined: Vec<&str> = document
            .descendants()
            .filter(|node| node.has_tag_name("mime-type"))
            .filter_map(|node| node.attribute("type"))
            .collect();
        for format in Format::ALL {
            assert!(!mime_types(format).is_empty(), "{format} has a type");
        }
        for name in opened_types() {
            let common = ["text/csv", "text/tab-separated-values", "application/json"];
            assert!(
                common.contains(&name) || defined.contains(&name),
                "{name} is defined in annals.xml"
            );
        }
        assert_eq!(defined.len(), DEFINED.len());
    }

    #[test]
    fn a_dataset_is_known_by_its_double_extension_or_its_opening() {
        let xml = package_xml();
        let document = roxmltree::Document::parse(&xml).expect("the package is XML");
        let dataset = document
            .descendants()
            .find(|node| node.attribute("type") == Some(DATASET_TYPE))
            .expect("the dataset's type");
        let globs: Vec<&str> = dataset
            .descendants()
            .filter(|node| node.has_tag_name("glob"))
            .filter_map(|node| node.attribute("pattern"))
            .collect();
        assert_eq!(globs, ["*.annals.ron"]);
        let magic = dataset
            .descendants()
            .find(|node| node.has_tag_name("match"))
            .expect("a content match");
        assert_eq!(magic.attribute("value"), Some("Dataset("));
        let curated = include_str!("../../assets/events.ron");
        let reach: usize = magic
            .attribute("offset")
            .and_then(|range| range.split_once(':'))
            .and_then(|(_, end)| end.parse().ok())
            .expect("a range of offsets");
        let opening = curated.find("Dataset(").expect("the curated dataset opens");
        assert!(
            opening < reach,
            "the curated dataset's opening is within reach"
        );
    }
}
