//! HTTP fetching for feeds (ureq 3, rustls): safe defaults that always apply.
//!
//! - Only `http` and `https` URLs.
//! - A connect timeout and a total timeout (the whole exchange, redirects and body
//!   included), so a server that never answers or drips an endless body cannot stall.
//! - A body size limit enforced while reading (after gzip decompression).
//! - At most 5 redirects; a loop is an error.
//! - gzip (`Accept-Encoding: gzip`, decompressed by ureq).
//! - Conditional GET: pass the last [`Validators`]; a 304 gives [`Fetched::NotModified`].
//! - `User-Agent: readout/<version>`.
//! - Proxies from the environment (`HTTPS_PROXY`, `NO_PROXY`) except for loopback hosts.
//!
//! ```no_run
//! use readout::ingest::http::{fetch, Fetched, Validators};
//! let mut validators = Validators::default();
//! match fetch("https://example.org/feed.xml", &validators) {
//!     Ok(Fetched::Modified { bytes, content_type, validators: new, .. }) => {
//!         // parse `bytes` with ingest::feed::parse(&bytes, content_type.as_deref(), url)
//!         validators = new; // store them for the next refresh
//!     }
//!     Ok(Fetched::NotModified) => { /* unchanged: nothing to do */ }
//!     Err(e) => eprintln!("example.org: {e}"),
//! }
//! ```

use super::sanitize;
use std::sync::OnceLock;
use std::time::Duration;
use ureq::{Agent, ResponseExt};

/// The `User-Agent` header: `readout/<version>`.
pub const USER_AGENT: &str = concat!("readout/", env!("CARGO_PKG_VERSION"));

/// Limits for one fetch. `Default` is what readout uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FetchConfig {
    /// Time allowed to connect (DNS, TCP, TLS).
    pub connect_timeout: Duration,
    /// Time allowed for the whole exchange, redirects and body included.
    pub total_timeout: Duration,
    /// Largest body accepted, in bytes (after decompression).
    pub max_body: u64,
    /// Redirects followed before giving up.
    pub max_redirects: u32,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            connect_timeout: Duration::from_secs(10),
            total_timeout: Duration::from_secs(30),
            max_body: 10 * 1024 * 1024,
            max_redirects: 5,
        }
    }
}

/// What the server said about the version we have, for conditional GET.
/// Store them with the feed and pass them to the next fetch.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Validators {
    /// `ETag` of the last response (sent back as `If-None-Match`).
    pub etag: Option<String>,
    /// `Last-Modified` of the last response (sent back as `If-Modified-Since`).
    pub last_modified: Option<String>,
}

/// The outcome of a successful fetch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fetched {
    /// A 2xx response with its body.
    Modified {
        bytes: Vec<u8>,
        /// The `Content-Type` header (for its charset), if any.
        content_type: Option<String>,
        /// The validators to send next time.
        validators: Validators,
        /// The URL after redirects.
        final_url: String,
    },
    /// 304: the feed is unchanged since the validators were issued.
    NotModified,
}

/// Why a fetch failed, as one line for the user (prefix it with the feed's name).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FetchError {
    #[error("only http and https URLs can be fetched")]
    UnsupportedScheme,
    #[error("invalid URL ({0})")]
    BadUrl(String),
    #[error("HTTP status {0}")]
    Status(u16),
    #[error("timed out")]
    Timeout,
    #[error("too many redirects (more than {0})")]
    TooManyRedirects(u32),
    #[error("response too large (over {0} bytes)")]
    TooLarge(u64),
    #[error("host not found")]
    HostNotFound,
    #[error("connection failed")]
    ConnectionFailed,
    #[error("connection closed before the whole response arrived")]
    Truncated,
    #[error("{0}")]
    Other(String),
}

/// An HTTP client with fixed limits; reuse one for many fetches.
#[derive(Debug)]
pub struct Fetcher {
    config: FetchConfig,
    /// Honours proxy environment variables.
    agent: Agent,
    /// Never uses a proxy: for loopback hosts.
    direct: Agent,
}

impl Fetcher {
    pub fn new(config: FetchConfig) -> Fetcher {
        let build = |proxied: bool| -> Agent {
            let mut builder = Agent::config_builder()
                .http_status_as_error(false)
                .timeout_connect(Some(config.connect_timeout))
                .timeout_global(Some(config.total_timeout))
                .max_redirects(config.max_redirects)
                .max_redirects_will_error(true)
                .user_agent(USER_AGENT);
            if !proxied {
                builder = builder.proxy(None);
            }
            builder.build().into()
        };
        Fetcher {
            agent: build(true),
            direct: build(false),
            config,
        }
    }

    pub fn config(&self) -> &FetchConfig {
        &self.config
    }

    /// Fetches `url`, conditionally on `validators`.
    pub fn fetch(&self, url: &str, validators: &Validators) -> Result<Fetched, FetchError> {
        let parsed = check_url(url)?;
        let loopback = match parsed.host() {
            Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
            Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
            Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
            None => false,
        };
        let agent = if loopback { &self.direct } else { &self.agent };
        let mut request = agent.get(parsed.as_str());
        if let Some(etag) = &validators.etag {
            request = request.header("If-None-Match", etag.as_str());
        }
        if let Some(since) = &validators.last_modified {
            request = request.header("If-Modified-Since", since.as_str());
        }
        let mut response = request.call().map_err(|e| self.map_error(e))?;
        let status = response.status().as_u16();
        if status == 304 {
            return Ok(Fetched::NotModified);
        }
        if !(200..300).contains(&status) {
            return Err(FetchError::Status(status));
        }
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(sanitize::line)
                .filter(|v| !v.is_empty())
        };
        let content_type = header("content-type");
        let new_validators = Validators {
            etag: header("etag"),
            last_modified: header("last-modified"),
        };
        let final_url = response.get_uri().to_string();
        let bytes = response
            .body_mut()
            .with_config()
            .limit(self.config.max_body)
            .read_to_vec()
            .map_err(|e| self.map_error(e))?;
        Ok(Fetched::Modified {
            bytes,
            content_type,
            validators: new_validators,
            final_url: sanitize::line(&final_url),
        })
    }

    fn map_error(&self, e: ureq::Error) -> FetchError {
        match e {
            ureq::Error::StatusCode(code) => FetchError::Status(code),
            ureq::Error::Timeout(_) => FetchError::Timeout,
            ureq::Error::TooManyRedirects => {
                FetchError::TooManyRedirects(self.config.max_redirects)
            }
            ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge(self.config.max_body),
            ureq::Error::HostNotFound => FetchError::HostNotFound,
            ureq::Error::ConnectionFailed => FetchError::ConnectionFailed,
            ureq::Error::BadUri(u) => FetchError::BadUrl(sanitize::line(&u)),
            ureq::Error::Io(io) => match io.kind() {
                std::io::ErrorKind::UnexpectedEof | std::io::ErrorKind::ConnectionReset => {
                    FetchError::Truncated
                }
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => {
                    FetchError::Timeout
                }
                std::io::ErrorKind::ConnectionRefused => FetchError::ConnectionFailed,
                _ => FetchError::Other(sanitize::line(&io.to_string())),
            },
            other => FetchError::Other(sanitize::line(&other.to_string())),
        }
    }
}

/// Accepts only absolute http(s) URLs with a host.
pub fn check_url(url: &str) -> Result<url::Url, FetchError> {
    let parsed = url::Url::parse(url.trim()).map_err(|e| FetchError::BadUrl(e.to_string()))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(FetchError::UnsupportedScheme);
    }
    if parsed.host().is_none() {
        return Err(FetchError::BadUrl("no host".to_string()));
    }
    Ok(parsed)
}

/// Fetches with the default limits (a shared [`Fetcher`]).
pub fn fetch(url: &str, validators: &Validators) -> Result<Fetched, FetchError> {
    static DEFAULT: OnceLock<Fetcher> = OnceLock::new();
    DEFAULT
        .get_or_init(|| Fetcher::new(FetchConfig::default()))
        .fetch(url, validators)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https() {
        assert_eq!(
            fetch("file:///etc/passwd", &Validators::default()),
            Err(FetchError::UnsupportedScheme)
        );
        assert_eq!(
            fetch("javascript:alert(1)", &Validators::default()),
            Err(FetchError::UnsupportedScheme)
        );
        assert!(matches!(
            fetch("not a url", &Validators::default()),
            Err(FetchError::BadUrl(_))
        ));
        assert!(check_url("https://example.org/feed").is_ok());
    }

    #[test]
    fn user_agent_names_readout() {
        assert!(USER_AGENT.starts_with("readout/"));
    }
}
