# nothing here
// really nothing
