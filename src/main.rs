fn main() -> std::process::ExitCode {
    onrecord::cli::main()
}
