//! The `stancetrack` binary: parse arguments, run, map the result to an exit
//! code. Errors are printed once, prefixed `stancetrack:`; a closed pipe on
//! stdout counts as success.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use stancetrack::arguments::{Cli, Command};

// Extraction allocates many small strings (tokens, names, spans); mimalloc's
// thread-local free lists make that about a fifth cheaper than glibc malloc
// and keep the two workers from contending on one arena.
#[global_allocator]
static ALLOCATOR: SmallAlignMalloc = SmallAlignMalloc;

/// mimalloc, asked for plain `mi_malloc` whenever the layout's alignment is
/// one every mimalloc block already has, instead of the aligned entry point
/// the `mimalloc` crate always calls. Nearly every allocation here is a string
/// or a vector of words; the aligned path tests each one's address (2% of a
/// run's instructions went to that).
struct SmallAlignMalloc;

/// Alignment of every mimalloc block: block sizes are multiples of the
/// machine word and pages start aligned, so any block is word-aligned.
const MIMALLOC_BLOCK_ALIGN: usize = std::mem::size_of::<usize>();

#[allow(unsafe_code)]
// SAFETY: every call forwards to mimalloc: the plain entry points only when
// the requested alignment is at most the word alignment every mimalloc block
// has, the `mimalloc` crate's aligned ones otherwise; blocks from either are
// freed by `mi_free`, and `mi_realloc` keeps the block's word alignment.
unsafe impl std::alloc::GlobalAlloc for SmallAlignMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= MIMALLOC_BLOCK_ALIGN {
            unsafe { libmimalloc_sys::mi_malloc(layout.size()).cast() }
        } else {
            unsafe { mimalloc::MiMalloc.alloc(layout) }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= MIMALLOC_BLOCK_ALIGN {
            unsafe { libmimalloc_sys::mi_zalloc(layout.size()).cast() }
        } else {
            unsafe { mimalloc::MiMalloc.alloc_zeroed(layout) }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        unsafe { libmimalloc_sys::mi_free(ptr.cast()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= MIMALLOC_BLOCK_ALIGN {
            unsafe { libmimalloc_sys::mi_realloc(ptr.cast(), new_size).cast() }
        } else {
            unsafe { mimalloc::MiMalloc.realloc(ptr, layout, new_size) }
        }
    }
}

/// mimalloc 2's `mi_option_purge_delay` (its place in `mi_option_e`; the
/// crate names no constant for it), and the default it documents.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
const MI_DEFAULT_PURGE_DELAY_MS: std::os::raw::c_long = 10;

/// Asks mimalloc to keep freed memory instead of returning it to the system
/// 10 ms later. The variant stage builds and drops indexes of a few MB per
/// bucket; returned pages were faulted back in and zeroed by the kernel for
/// the next bucket (50,000 page faults and a sixth of a second of system
/// time per 100 MB of news). Peak memory is the same: it is reached before
/// anything is returned. `MIMALLOC_PURGE_DELAY` in the environment still
/// decides; and nothing is set unless the option reads as its documented
/// default, so another mimalloc numbering is never given a wrong value.
fn keep_freed_memory() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
        return;
    }
    #[allow(unsafe_code)]
    // SAFETY: called first in `main`, before any thread starts (mimalloc's
    // option calls are not thread-safe); both only read or write an option.
    unsafe {
        if libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) == MI_DEFAULT_PURGE_DELAY_MS {
            libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1);
        }
    }
}

fn main() -> ExitCode {
    keep_freed_memory();
    let cli = Cli::parse();
    match dispatch(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("stancetrack: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn dispatch(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Run(args) => {
            let summary = stancetrack::run::run(&args)?;
            Ok(u8::try_from(summary.exit_code()).unwrap_or(2))
        }
        Command::Extract(args) => {
            let summary = stancetrack::run::extract(&args)?;
            Ok(u8::try_from(summary.exit_code()).unwrap_or(2))
        }
        Command::Merge(args) => {
            let summary = stancetrack::run::merge(&args)?;
            Ok(u8::try_from(summary.merge_exit_code()).unwrap_or(2))
        }
        Command::Diff(args) => {
            let summary = stancetrack::run::diff(&args)?;
            Ok(u8::try_from(summary.exit_code()).unwrap_or(2))
        }
        Command::Eval(args) => {
            use stancetrack::eval;
            let gold = eval::load_gold(&args.gold)?;
            let opts = eval::EvalOptions {
                lenient_speaker: args.lenient_speaker,
                ..eval::EvalOptions::default()
            };
            let scores = eval::evaluate(&gold, &args.outdir, &opts)?;
            let mut stdout = std::io::stdout().lock();
            if args.json {
                writeln!(stdout, "{}", scores.to_json())?;
            } else {
                write!(stdout, "{}", scores.render(args.show_errors))?;
            }
            Ok(0)
        }
    }
}
