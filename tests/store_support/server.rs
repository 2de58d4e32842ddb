//! A tiny HTTP/1.1 server on 127.0.0.1:0 for offline refresh tests: fixed routes,
//! ETag / If-None-Match -> 304, and a slow route that trickles its body.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How a route answers.
#[derive(Clone, Debug)]
pub enum Route {
    /// 200 with this body and ETag; 304 when the client sends the same ETag.
    Feed { body: Vec<u8>, etag: String },
    /// 200, the body sent in `chunks` pieces with `pause` between them.
    Slow {
        body: Vec<u8>,
        chunks: usize,
        pause: Duration,
    },
    /// This status with a short body.
    Status(u16),
}

pub struct Server {
    pub base: String,
    routes: Arc<Mutex<HashMap<String, Route>>>,
    /// Requests served, by path.
    pub hits: Arc<Mutex<Vec<(String, u16)>>>,
    served: Arc<AtomicUsize>,
}

impl Server {
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let routes: Arc<Mutex<HashMap<String, Route>>> = Arc::default();
        let hits: Arc<Mutex<Vec<(String, u16)>>> = Arc::default();
        let served = Arc::new(AtomicUsize::new(0));
        let (r, h, s) = (routes.clone(), hits.clone(), served.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (r, h, s) = (r.clone(), h.clone(), s.clone());
                std::thread::spawn(move || {
                    let _ = serve(stream, &r, &h);
                    s.fetch_add(1, Ordering::SeqCst);
                });
            }
        });
        Server {
            base,
            routes,
            hits,
            served,
        }
    }

    pub fn route(&self, path: &str, route: Route) -> String {
        self.routes.lock().unwrap().insert(path.to_string(), route);
        format!("{}{path}", self.base)
    }

    pub fn statuses(&self, path: &str) -> Vec<u16> {
        self.hits
            .lock()
            .unwrap()
            .iter()
            .filter(|(p, _)| p == path)
            .map(|(_, s)| *s)
            .collect()
    }
}

fn serve(
    stream: TcpStream,
    routes: &Mutex<HashMap<String, Route>>,
    hits: &Mutex<Vec<(String, u16)>>,
) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_string();
    let mut if_none_match = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.trim().eq_ignore_ascii_case("if-none-match")
        {
            if_none_match = Some(value.trim().to_string());
        }
    }
    let route = routes.lock().unwrap().get(&path).cloned();
    let mut out = stream;
    let status = match route {
        None => respond(&mut out, 404, &[], b"not found")?,
        Some(Route::Status(code)) => respond(&mut out, code, &[], b"error")?,
        Some(Route::Feed { body, etag }) => {
            if if_none_match.as_deref() == Some(etag.as_str()) {
                respond(&mut out, 304, &[("ETag", &etag)], b"")?
            } else {
                respond(
                    &mut out,
                    200,
                    &[("ETag", &etag), ("Content-Type", "application/rss+xml")],
                    &body,
                )?
            }
        }
        Some(Route::Slow {
            body,
            chunks,
            pause,
        }) => {
            write!(
                out,
                "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            )?;
            let size = body.len().div_ceil(chunks.max(1)).max(1);
            for piece in body.chunks(size) {
                out.write_all(piece)?;
                out.flush()?;
                std::thread::sleep(pause);
            }
            200
        }
    };
    hits.lock().unwrap().push((path, status));
    Ok(())
}

fn respond(
    out: &mut TcpStream,
    status: u16,
    headers: &[(&str, &str)],
    body: &[u8],
) -> std::io::Result<u16> {
    let reason = match status {
        200 => "OK",
        304 => "Not Modified",
        404 => "Not Found",
        _ => "Error",
    };
    write!(out, "HTTP/1.1 {status} {reason}\r\n")?;
    for (name, value) in headers {
        write!(out, "{name}: {value}\r\n")?;
    }
    if status != 304 {
        write!(out, "Content-Length: {}\r\n", body.len())?;
    }
    write!(out, "Connection: close\r\n\r\n")?;
    out.write_all(body)?;
    out.flush()?;
    Ok(status)
}

/// An RSS 2.0 feed of `n` items with guids `p-0`..; `extra` is added to each body.
pub fn rss(title: &str, n: usize, extra: &str) -> Vec<u8> {
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>{title}</title><link>https://news.example/</link><description>d</description>\n"
    );
    for i in 0..n {
        xml.push_str(&format!(
            "<item><title>Item {i} of {title}</title><link>https://news.example/{title}/{i}</link><guid>p-{i}</guid><pubDate>Mon, 02 Nov 2026 10:{:02}:00 GMT</pubDate><description>Premier Li Qiang met President Ilham Aliyev in Beijing. Item {i}. {extra}</description></item>\n",
            i % 60
        ));
    }
    xml.push_str("</channel></rss>\n");
    xml.into_bytes()
}
