//===--- Workers.cpp - async-lint -----------------------------------------===//

#include "Workers.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <optional>
#include <thread>

namespace async_lint {

namespace {

struct Running {
  size_t Index;
  llvm::sys::ProcessInfo Process;
  llvm::SmallString<128> Out, Err, Output;
  std::chrono::steady_clock::time_point Started =
      std::chrono::steady_clock::now();
};

std::string slurp(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  return Buffer ? (*Buffer)->getBuffer().str() : std::string();
}

llvm::SmallString<128> temporary(llvm::StringRef Suffix) {
  llvm::SmallString<128> Path;
  if (llvm::sys::fs::createTemporaryFile("async-lint-worker", Suffix, Path))
    Path.clear();
  return Path;
}

/// Starts the worker of \p File; Process.Pid is 0 when it could not start.
Running start(const WorkerCommand &Command, size_t Index, llvm::StringRef File,
              std::string &Error) {
  Running R{Index, {}, temporary("out"), temporary("err"), temporary("json")};
  std::string OutputArg = "--worker-output=" + R.Output.str().str();
  std::vector<llvm::StringRef> Argv{Command.Program};
  Argv.insert(Argv.end(), Command.Args.begin(), Command.Args.end());
  Argv.push_back(OutputArg);
  Argv.push_back(File);
  Argv.insert(Argv.end(), Command.Tail.begin(), Command.Tail.end());
  std::optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(R.Out), llvm::StringRef(R.Err)};
  R.Process = llvm::sys::ExecuteNoWait(Command.Program, Argv, std::nullopt,
                                       Redirects, 0, &Error);
  return R;
}

/// Collects what a finished worker left, and removes its files.
void collect(Running &R, int ReturnCode, WorkerResult &Result) {
  Result.ExitCode = ReturnCode;
  Result.Seconds = std::chrono::duration<double>(
                       std::chrono::steady_clock::now() - R.Started)
                       .count();
  // A signal (a crash) is a negative return code.
  Result.Crashed = ReturnCode < 0;
  Result.Log = slurp(R.Out) + slurp(R.Err);
  Result.Output = slurp(R.Output);
  for (llvm::StringRef Path : {R.Out.str(), R.Err.str(), R.Output.str()})
    llvm::sys::fs::remove(Path);
}

} // namespace

std::vector<WorkerResult> runWorkers(const WorkerCommand &Command,
                                     llvm::ArrayRef<std::string> Files,
                                     unsigned Jobs, bool Progress) {
  std::vector<WorkerResult> Results(Files.size());
  std::vector<Running> Active;
  size_t Next = 0, Done = 0;
  auto Finished = [&](const WorkerResult &R) {
    ++Done;
    if (Progress)
      llvm::errs() << "[" << Done << "/" << Files.size() << "] " << R.File
                   << "\n";
  };
  while (Done < Files.size()) {
    while (Active.size() < std::max(1u, Jobs) && Next < Files.size()) {
      size_t Index = Next++;
      std::string Error;
      Results[Index].File = Files[Index];
      Running R = start(Command, Index, Files[Index], Error);
      if (R.Process.Pid != 0) {
        Active.push_back(std::move(R));
        continue;
      }
      collect(R, /*ReturnCode=*/-1, Results[Index]);
      Results[Index].Log = "cannot start a worker: " + Error + "\n";
      Finished(Results[Index]);
    }
    bool Any = false;
    for (auto It = Active.begin(); It != Active.end();) {
      llvm::sys::ProcessInfo State =
          llvm::sys::Wait(It->Process, 0, nullptr, nullptr, /*Polling=*/true);
      if (State.Pid == 0) {
        ++It;
        continue;
      }
      collect(*It, State.ReturnCode, Results[It->Index]);
      Finished(Results[It->Index]);
      It = Active.erase(It);
      Any = true;
    }
    if (!Any)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return Results;
}

} // namespace async_lint
