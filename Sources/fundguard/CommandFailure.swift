/// An error a command reports to the user as one line on stderr, with exit code 1.
///
/// The text says what went wrong and where, in Chinese and English; the
/// commands never print a stack trace or a Swift type name for bad input.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
