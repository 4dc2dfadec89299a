//! Loader and quote-extraction throughput on generated pages.
//!
//! `cargo bench --bench loader`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The `dateline` binary's allocator, so the throughput is the one the binary gets.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn pages(count: usize) -> Vec<(String, Vec<u8>)> {
    dateline::synth::generate(count, 42)
        .into_iter()
        .map(|p| (p.name, p.text.into_bytes()))
        .collect()
}

fn load(c: &mut Criterion) {
    let input = pages(400);
    let bytes: usize = input.iter().map(|(_, b)| b.len()).sum();
    let mut group = c.benchmark_group("loader");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("load_pages_400", |b| {
        b.iter(|| black_box(dateline::ingest::load_pages(input.clone())))
    });
    group.finish();
}

fn quotes(c: &mut Criterion) {
    let corpus = dateline::ingest::load_pages(pages(400));
    let bytes: usize = corpus
        .stories
        .iter()
        .flat_map(|s| &s.paragraphs)
        .map(String::len)
        .sum();
    let mut group = c.benchmark_group("quotes");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("extract_all", |b| {
        b.iter(|| {
            for story in &corpus.stories {
                black_box(dateline::quotes::extract(story));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, load, quotes);
criterion_main!(benches);
