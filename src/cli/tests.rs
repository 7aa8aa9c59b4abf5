use clap::ValueEnum as _;

use super::ExportFormatArg;
use crate::export::ExportFormat;

#[test]
fn every_export_format_is_offered_under_its_own_name() {
    let offered: Vec<ExportFormat> = ExportFormatArg::value_variants()
        .iter()
        .map(|&arg| {
            let format = ExportFormat::from(arg);
            let value = arg.to_possible_value().expect("no format is hidden");
            assert_eq!(value.get_name(), format.as_str());
            format
        })
        .collect();
    assert_eq!(offered, ExportFormat::ALL);
    let markdown = ExportFormatArg::from_str("md", false).expect("md is an alias");
    assert_eq!(ExportFormat::from(markdown), ExportFormat::Markdown);
}
