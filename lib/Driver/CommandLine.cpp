//===--- CommandLine.cpp - async-lint -------------------------------------===//

#include "CommandLine.h"
#include "AsyncLint.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <type_traits>

namespace cl = llvm::cl;

namespace async_lint {

namespace {

/// An option of the worker table, written back as the arguments that give
/// it the value it has here.
class Forwarded {
public:
  template <typename T>
  Forwarded(const cl::opt<T> &Option) : Name(Option.ArgStr) {
    static_assert(std::is_same_v<T, std::string> || std::is_integral_v<T>,
                  "a worker receives string, integer and flag options");
    if (!Option.getNumOccurrences())
      return;
    if constexpr (std::is_same_v<T, std::string>)
      Values.push_back(Option.getValue());
    else if constexpr (std::is_same_v<T, bool>)
      Values.push_back(Option.getValue() ? "true" : "false");
    else
      Values.push_back(std::to_string(Option.getValue()));
  }
  Forwarded(const cl::list<std::string> &Option)
      : Name(Option.ArgStr), Values(Option.begin(), Option.end()) {}

  void appendTo(std::vector<std::string> &Args) const {
    for (const std::string &Value : Values)
      Args.push_back(("--" + Name + "=" + Value).str());
  }

private:
  llvm::StringRef Name;
  std::vector<std::string> Values;
};

void printVersion(llvm::raw_ostream &OS) {
  OS << "async-lint " << version() << " (checks built against LLVM "
     << builtLLVMMajor() << ")\n";
}

/// The first line of llvm::cl's complaint, without the program name.
std::string firstParseError(llvm::StringRef Errors) {
  llvm::StringRef First = Errors.split('\n').first;
  First = First.split("  Try:").first.trim();
  size_t Colon = First.find(": ");
  if (Colon != llvm::StringRef::npos && !First.take_front(Colon).contains(' '))
    First = First.drop_front(Colon + 2);
  if (First.trim().empty())
    return "invalid command line";
  return First.trim().str();
}

llvm::Expected<ShardSlot> parseShard(llvm::StringRef Text) {
  auto [KText, NText] = Text.split('/');
  ShardSlot Slot;
  if (KText.getAsInteger(10, Slot.K) || NText.getAsInteger(10, Slot.N) ||
      Slot.N == 0 || Slot.K == 0 || Slot.K > Slot.N)
    return llvm::createStringError("--shard takes K/N with 1 <= K <= N, not '" +
                                   Text + "'");
  return Slot;
}

/// Options that do not go together, or that need another.
llvm::Error checkCombinations(CommandLine &CL) {
  if (CL.OutputFormat == Format::Text && CL.Output.getNumOccurrences())
    return llvm::createStringError("--output needs --format=json, sarif, "
                                   "github or html (text goes to standard "
                                   "output)");
  if (CL.Config.getNumOccurrences() && CL.ConfigFile.getNumOccurrences())
    return llvm::createStringError(
        "--config and --config-file cannot be used together");
  if (CL.Summaries.getNumOccurrences() && CL.Summaries.empty())
    return llvm::createStringError("--summaries needs a directory");
  if (CL.ShardText.getNumOccurrences()) {
    llvm::Expected<ShardSlot> Slot = parseShard(CL.ShardText);
    if (!Slot)
      return Slot.takeError();
    CL.Shard = *Slot;
  }
  return llvm::Error::success();
}

} // namespace

llvm::Expected<std::unique_ptr<CommandLine>>
CommandLine::parse(int Argc, const char **Argv) {
  // LLVM registers a --stats of its own (the counters of an assertions
  // build, which Debian's LLVM is not) when its options are first listed:
  // async-lint's --stats takes the name.
  if (cl::Option *LLVMStats = cl::getRegisteredOptions().lookup("stats"))
    LLVMStats->removeArgument();
  auto CL = std::make_unique<CommandLine>();
  CL->Argv0 = Argc > 0 ? Argv[0] : "async-lint";
  std::vector<const char *> Own;
  for (int I = 0; I < Argc; ++I) {
    if (llvm::StringRef(Argv[I]) == "--") {
      CL->FixedArgs.emplace(Argv + I + 1, Argv + Argc);
      break;
    }
    Own.push_back(Argv[I]);
  }
  cl::HideUnrelatedOptions(CL->Category);
  cl::SetVersionPrinter(printVersion);
  std::string Errors;
  llvm::raw_string_ostream ErrorStream(Errors);
  if (!cl::ParseCommandLineOptions(
          static_cast<int>(Own.size()), Own.data(),
          "async-lint: finds the pitfalls of C++20 coroutines\n\n"
          "  async-lint [options] <files...> [-- <compiler arguments>]\n"
          "  async-lint merge [--format=json|sarif] [--output=<file>] "
          "<reports...>\n"
          "  async-lint init [--build-dir=<dir>] [<project>]\n"
          "  async-lint summarize [options] --summaries=<dir> <files...>\n",
          &ErrorStream))
    return llvm::createStringError(firstParseError(Errors) +
                                   " (see 'async-lint --help')");
  if (llvm::Error E = checkCombinations(*CL))
    return std::move(E);
  return std::move(CL);
}

std::vector<std::string> CommandLine::workerArguments() const {
  // The worker table: every option that changes how a unit is analysed. A
  // worker receives these, and a cached result is keyed by them; an option
  // added here reaches both, and one left out reaches neither.
  const Forwarded Table[] = {
      BuildPath,        // where each unit's compile command comes from
      Checks,           // which checks run
      Config,           // the configuration instead of .clang-tidy files
      ConfigFile,       // the same from a file (its text is in the key too)
      WarningsAsErrors, // which findings are errors
      HeaderFilter,     // which headers' findings are shown
      ExtraArgs,        // compiler arguments to append
      ExtraArgsBefore,  // compiler arguments to prepend
      Stats,            // each unit's analysis statistics, on stderr
      Summaries,        // the other units' summaries (their digest is in
                        // the cache key too)
  };
  std::vector<std::string> Args;
  for (const Forwarded &Option : Table)
    Option.appendTo(Args);
  // The first phase of --summaries: set by this process, not given.
  if (!SummaryOutput.empty())
    Args.push_back("--summary-output=" + SummaryOutput);
  return Args;
}

std::string CommandLine::sourceRoot() const {
  llvm::SmallString<256> Root(SourceRoot);
  if (Root.empty())
    llvm::sys::fs::current_path(Root);
  llvm::sys::fs::make_absolute(Root);
  llvm::sys::path::remove_dots(Root, /*remove_dot_dot=*/true);
  return std::string(Root);
}

} // namespace async_lint
