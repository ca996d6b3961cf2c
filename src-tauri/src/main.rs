//! Entry point of the Distill desktop app; everything lives in the library's [`distill_desktop::run`].

// Hide the console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    distill_desktop::run();
}
