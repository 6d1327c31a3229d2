//! Serves the bundled example on a fresh demo database.
//!
//! `cargo run --release -p isnad-server --example demo_server -- [PORT] [--allow-ingest]`
//! (PORT defaults to 8080; 0 picks a free one). Prints the URL once listening.

use std::io::Write;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let mut port: u16 = 8080;
    let mut allow_ingest = false;
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "--allow-ingest" => allow_ingest = true,
            p => match p.parse() {
                Ok(n) => port = n,
                Err(_) => {
                    eprintln!("usage: demo_server [PORT] [--allow-ingest]");
                    return std::process::ExitCode::from(2);
                }
            },
        }
    }
    let dir = std::env::temp_dir().join(format!("isnad-demo-{}", std::process::id()));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("demo_server: {}: {e}", dir.display());
        return std::process::ExitCode::FAILURE;
    }
    let db = dir.join("demo.db");
    let _ = std::fs::remove_file(&db);
    match isnad_server::demo_db(&db) {
        Ok(c) => eprintln!("demo database {}: {} documents, {} events", db.display(), c.documents, c.events),
        Err(e) => {
            eprintln!("demo_server: {e}");
            return std::process::ExitCode::FAILURE;
        }
    }
    let mut opts = isnad_server::ServeOptions::new(&db);
    opts.addr = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    opts.allow_ingest = allow_ingest;
    let served = isnad_server::serve(opts, |addr| {
        println!("http://{addr}/");
        let _ = std::io::stdout().flush();
    })
    .await;
    let _ = std::fs::remove_dir_all(&dir);
    match served {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("demo_server: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
