//! A provider's official domains (`domains:`), and whether an address is on one of them: how
//! a reader tells the issuer's own page from a copy of it.

/// Why `text` is not a domain (a lowercase host name such as `comptia.org`, with no scheme,
/// port or path), with what to write instead; `None` when it is one.
pub fn domain_problem(text: &str) -> Option<String> {
    let shown = if text.is_empty() {
        "an empty string".to_owned()
    } else {
        format!("`{text}`")
    };
    let hint = match host(text) {
        Some(host) if host != text && is_domain(host) => format!(", like `{host}`"),
        _ => {
            let lower = text.trim().to_ascii_lowercase();
            if lower != text && is_domain(&lower) {
                format!(", like `{lower}`")
            } else {
                String::new()
            }
        }
    };
    if is_domain(text) {
        return None;
    }
    Some(format!(
        "{shown} is not a domain: write a lowercase host name without scheme, port or path{hint}"
    ))
}

/// Whether `text` is a lowercase host name of two labels or more: letters, digits and inner
/// hyphens, at most 63 characters a label and 253 in all, the last label not all digits.
pub fn is_domain(text: &str) -> bool {
    let labels: Vec<&str> = text.split('.').collect();
    text.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|last| last.starts_with(|c: char| c.is_ascii_lowercase()))
}

/// The host of an address: `https://www.comptia.org/en-us/` gives `www.comptia.org`. Also
/// takes an address without a scheme. Without user, port, path, query or fragment; `None`
/// when there is no host.
pub fn host(address: &str) -> Option<&str> {
    let address = address.trim();
    let rest = match address.split_once("://") {
        Some((scheme, rest))
            if !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) =>
        {
            rest
        }
        _ => address,
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let authority = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let host = authority.split(':').next().unwrap_or("");
    let host = host.strip_suffix('.').unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// Whether `host` is `domain` or a subdomain of it (`certification.comptia.org` is on
/// `comptia.org`; `notcomptia.org` is not). Case is ignored.
pub fn is_on(host: &str, domain: &str) -> bool {
    let host = host.to_ascii_lowercase();
    let domain = domain.to_ascii_lowercase();
    host == domain
        || host
            .strip_suffix(&domain)
            .is_some_and(|prefix| prefix.ends_with('.'))
}

/// Whether `address` is on one of `domains`.
pub fn on_any<S: AsRef<str>>(address: &str, domains: &[S]) -> bool {
    host(address).is_some_and(|host| domains.iter().any(|domain| is_on(host, domain.as_ref())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_are_bare_lowercase_host_names() {
        for good in [
            "comptia.org",
            "certification.comptia.org",
            "aws.amazon.com",
            "x-y.io",
        ] {
            assert!(domain_problem(good).is_none(), "{good}");
        }
        for bad in [
            "",
            "comptia",
            "Comptia.org",
            "https://comptia.org",
            "comptia.org/en-us",
            "comptia.org:443",
            "-a.org",
            "a..org",
            "a.org.",
            "1.2.3.4",
            "a_b.org",
        ] {
            assert!(domain_problem(bad).is_some(), "{bad}");
        }
        assert!(
            domain_problem("https://www.comptia.org/en-us/")
                .expect("not a domain")
                .ends_with("like `www.comptia.org`")
        );
        assert!(
            domain_problem("CompTIA.org")
                .expect("not a domain")
                .ends_with("like `comptia.org`")
        );
    }

    #[test]
    fn hosts_are_read_from_addresses() {
        assert_eq!(
            host("https://www.comptia.org/en-us/x?y#z"),
            Some("www.comptia.org")
        );
        assert_eq!(host("http://user@example.com:8080/"), Some("example.com"));
        assert_eq!(host("example.com/path"), Some("example.com"));
        assert_eq!(host("https://"), None);
    }

    #[test]
    fn a_host_is_on_its_domain_and_its_subdomains_only() {
        assert!(is_on("comptia.org", "comptia.org"));
        assert!(is_on("certification.comptia.org", "comptia.org"));
        assert!(is_on("WWW.CompTIA.org", "comptia.org"));
        assert!(!is_on("notcomptia.org", "comptia.org"));
        assert!(!is_on("comptia.org.evil.example", "comptia.org"));
        assert!(on_any("https://learn.microsoft.com/x", &["microsoft.com"]));
        assert!(!on_any(
            "https://microsoft.com.workers.dev/x",
            &["microsoft.com"]
        ));
    }
}
