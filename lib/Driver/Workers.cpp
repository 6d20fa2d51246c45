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
  llvm::SmallString<128> Out, Err, Json, Deps;
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

} // namespace

std::vector<WorkerResult> runWorkers(llvm::StringRef Program,
                                     llvm::ArrayRef<std::string> Args,
                                     llvm::ArrayRef<std::string> Files,
                                     llvm::ArrayRef<std::string> Tail,
                                     unsigned Jobs, bool Progress) {
  std::vector<WorkerResult> Results(Files.size());
  std::vector<Running> Active;
  size_t Next = 0, Done = 0;
  auto Start = [&](size_t Index) {
    Running R{Index,
              {},
              temporary("out"),
              temporary("err"),
              temporary("json"),
              temporary("deps")};
    std::vector<llvm::StringRef> Argv{Program};
    for (const std::string &A : Args)
      Argv.push_back(A);
    std::string JsonArg = "--worker-json=" + R.Json.str().str();
    Argv.push_back(JsonArg);
    std::string DepsArg = "--worker-deps=" + R.Deps.str().str();
    Argv.push_back(DepsArg);
    Argv.push_back(Files[Index]);
    for (const std::string &A : Tail)
      Argv.push_back(A);
    std::optional<llvm::StringRef> Redirects[] = {
        llvm::StringRef(""), llvm::StringRef(R.Out), llvm::StringRef(R.Err)};
    std::string Error;
    R.Process = llvm::sys::ExecuteNoWait(Program, Argv, std::nullopt, Redirects,
                                         0, &Error);
    Results[Index].File = Files[Index];
    if (R.Process.Pid == 0) {
      Results[Index].Crashed = true;
      Results[Index].Stderr = "cannot start a worker: " + Error;
      ++Done;
      return;
    }
    Active.push_back(std::move(R));
  };
  while (Done < Files.size()) {
    while (Active.size() < std::max(1u, Jobs) && Next < Files.size())
      Start(Next++);
    bool Finished = false;
    for (auto It = Active.begin(); It != Active.end();) {
      llvm::sys::ProcessInfo State =
          llvm::sys::Wait(It->Process, 0, nullptr, nullptr, /*Polling=*/true);
      if (State.Pid == 0) {
        ++It;
        continue;
      }
      WorkerResult &R = Results[It->Index];
      R.ExitCode = State.ReturnCode;
      // A signal (a crash) is a negative return code.
      R.Crashed = State.ReturnCode < 0;
      R.Stdout = slurp(It->Out);
      R.Stderr = slurp(It->Err);
      R.Json = slurp(It->Json);
      R.Dependencies = slurp(It->Deps);
      for (llvm::StringRef Path :
           {It->Out.str(), It->Err.str(), It->Json.str(), It->Deps.str()})
        llvm::sys::fs::remove(Path);
      ++Done;
      if (Progress)
        llvm::errs() << "[" << Done << "/" << Files.size() << "] " << R.File
                     << "\n";
      It = Active.erase(It);
      Finished = true;
    }
    if (!Finished)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return Results;
}

} // namespace async_lint
