//===--- UnhandledRaceOutcomeCheck.cpp - async-lint -----------------------===//

#include "UnhandledRaceOutcomeCheck.h"
#include "../Model/Assertions.h"
#include "../Model/Expressions.h"
#include "../Model/FirstArrival.h"
#include "../Model/RedirectedCompletions.h"
#include "../Model/ThrowAssertions.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async {

namespace {

constexpr llvm::StringLiteral RaceFunctionsOpt = "RaceFunctions";
constexpr llvm::StringLiteral DefaultRaceFunctions =
    "when_any;collectAny;collectAnyRange;collectAnyWithoutException;"
    "boost::cobalt::race;boost::cobalt::left_race";
constexpr llvm::StringLiteral AssertionMacrosOpt = "AssertionMacros";
// Assertion macros that do not report their condition's text; those that do
// (assert, GoogleTest, Catch2, Boost.Test, doctest, most in-house CHECK
// macros) are recognised by that.
constexpr llvm::StringLiteral DefaultAssertionMacros = "";
constexpr llvm::StringLiteral AssertionFunctionsOpt = "AssertionFunctions";
constexpr llvm::StringLiteral DefaultAssertionFunctions = "boost::ut::expect";
constexpr llvm::StringLiteral ThrowAssertionReportsOpt =
    "ThrowAssertionReports";
// What a throw assertion calls when its statement completes without
// throwing (doctest's and Catch2's also cast the statement to void).
constexpr llvm::StringLiteral DefaultThrowAssertionReports =
    "boost::test_tools::tt_detail::report_assertion;"
    "testing::internal::AssertHelper::operator=;"
    "Catch::AssertionHandler::handleUnexpectedExceptionNotThrown";
constexpr llvm::StringLiteral RedirectingTokensOpt = "RedirectingTokens";
// Tokens that write an operation's error code into a variable (asio's).
constexpr llvm::StringLiteral DefaultRedirectingTokens =
    "asio::redirect_error_t";

} // namespace

UnhandledRaceOutcomeCheck::UnhandledRaceOutcomeCheck(StringRef Name,
                                                     ClangTidyContext *Context)
    : AsyncCheck(Name, Context, Judges::Coroutines, /*Templates=*/false,
                 /*StoresLibrary=*/false),
      RaceFunctions(Options.get(RaceFunctionsOpt, DefaultRaceFunctions)),
      AssertionMacros(model::splitList(
          Options.get(AssertionMacrosOpt, DefaultAssertionMacros))),
      AssertionFunctions(
          Options.get(AssertionFunctionsOpt, DefaultAssertionFunctions)),
      ThrowAssertionReports(
          Options.get(ThrowAssertionReportsOpt, DefaultThrowAssertionReports)),
      RedirectingTokens(
          Options.get(RedirectingTokensOpt, DefaultRedirectingTokens)) {}

void UnhandledRaceOutcomeCheck::storeCheckOptions(
    ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, RaceFunctionsOpt, RaceFunctions.str());
  Options.store(Opts, AssertionMacrosOpt, model::joinList(AssertionMacros));
  Options.store(Opts, AssertionFunctionsOpt, AssertionFunctions.str());
  Options.store(Opts, ThrowAssertionReportsOpt, ThrowAssertionReports.str());
  Options.store(Opts, RedirectingTokensOpt, RedirectingTokens.str());
}

void UnhandledRaceOutcomeCheck::checkRead(const model::RaceOutcomes &Races,
                                          const Stmt &S,
                                          const model::RaceScope &In) {
  checkPositionalRead(Races, S, In);
  const CallExpr *Read = nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(&S);
      Call && model::callsStdFunction(*Call, "get"))
    Read = Call;
  if (const auto *Deref = dyn_cast<UnaryOperator>(&S);
      Deref && Deref->getOpcode() == UO_Deref)
    if (const auto *Call = dyn_cast<CallExpr>(
            model::strip(Deref->getSubExpr(), model::Wrappers::Implicit));
        Call && model::callsStdFunction(*Call, "get_if"))
      Read = Call;
  if (!Read || Read->getNumArgs() == 0)
    return;
  const VarDecl *Named = model::raceVarOf(Read->getArg(0));
  StringRef What =
      model::callsStdFunction(*Read, "get") ? "'std::get'" : "'*std::get_if'";
  // After a check that alternative M won, a read of another one is wrong
  // whatever the race did: std::get throws, std::get_if yields null.
  if (auto Known = Named ? In.Winners.find(Named) : In.Winners.end();
      Known != In.Winners.end()) {
    std::optional<int64_t> N = Races.alternativeRead(*Read, *Named);
    if (!N || *N == Known->second.Index ||
        !reportOnce(Read->getArg(0)->getExprLoc()))
      return;
    diag(S.getBeginLoc(),
         "%0 reads alternative %1 of '%2' after checking that alternative %3 "
         "won")
        << What << static_cast<int>(*N) << Named->getName()
        << static_cast<int>(Known->second.Index) << S.getSourceRange();
    diag(Known->second.Where,
         "'%0' is checked to hold alternative %1 here, so reading alternative "
         "%2 %select{throws 'std::bad_variant_access'|yields a null pointer}3",
         DiagnosticIDs::Note)
        << Named->getName() << static_cast<int>(Known->second.Index)
        << static_cast<int>(*N) << !model::callsStdFunction(*Read, "get");
    return;
  }
  const VarDecl *VD = model::judgedOutcome(Races, Named, In);
  // One report per read, however the walk reaches it.
  if (!VD || !reportOnce(Read->getArg(0)->getExprLoc()))
    return;
  diag(S.getBeginLoc(), "%0 reads the outcome of a race as one alternative "
                        "without checking which side completed")
      << What << S.getSourceRange();
  diag(Races.raceOf(VD)->getBeginLoc(),
       "either side of this race may complete first; check '%0.index()' or "
       "use 'std::visit' before reading its outcome",
       DiagnosticIDs::Note)
      << VD->getName();
}

void UnhandledRaceOutcomeCheck::checkPositionalRead(
    const model::RaceOutcomes &Races, const Stmt &S,
    const model::RaceScope &In) {
  const auto *E = dyn_cast<Expr>(&S);
  const Expr *Container = nullptr;
  std::optional<int64_t> Position =
      E ? model::constantPosition(E, Container, Races.context()) : std::nullopt;
  const VarDecl *VD = nullptr;
  bool OfInput = false;
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(
          Position ? model::strip(Container, model::Wrappers::Implicit)
                   : nullptr)) {
    // r.results[0]: one input's result, taken from the outcome.
    VD = model::judgedOutcome(Races, model::raceVarOf(Member->getBase()), In);
  } else if (const VarDecl *Whole =
                 Position ? Races.boundOutcome(Container, false) : nullptr) {
    // Results[0], with 'auto [Index, Results] = co_await when_any(...)'.
    VD = model::judgedOutcome(Races, Whole, In);
  } else if (const Expr *Element = model::usedResult(E)
                                       ? model::usedResult(E)
                                       : Races.handedInput(S)) {
    // co_await tasks[0], tasks[0].get(), use(tasks[0]): one input, credited
    // with winning.
    Position = model::constantPosition(Element, Container, Races.context());
    const VarDecl *Range = Position ? model::raceVarOf(Container) : nullptr;
    if (Range && In.Inputs.contains(Range))
      VD = model::judgedOutcome(Races, Races.outcomeOfRange(Range), In);
    OfInput = true;
  }
  std::string Index = VD ? model::indexSpelling(*VD) : "";
  if (Index.empty() || !reportOnce(S.getBeginLoc()))
    return;
  diag(S.getBeginLoc(),
       "this %select{reads the result of|takes}0 input %1 of a race as if it "
       "completed first, without checking which input did")
      << OfInput << static_cast<int>(*Position) << S.getSourceRange();
  diag(Races.raceOf(VD)->getBeginLoc(),
       "any input of this race may complete first; check '%0' first",
       DiagnosticIDs::Note)
      << Index;
}

void UnhandledRaceOutcomeCheck::checkDiscarded(const model::RaceOutcomes &Races,
                                               const Stmt &S,
                                               CheckedFunction &F) {
  // A race whose outcome is dropped: a whole statement.
  const auto *Compound = dyn_cast<CompoundStmt>(&S);
  if (!Compound)
    return;
  for (const Stmt *Child : Compound->body()) {
    const auto *E = dyn_cast<Expr>(Child);
    const CoawaitExpr *Await = E ? Races.raceAwait(E) : nullptr;
    if (!Await || Await->getType()->isVoidType() || outcomeUnread(*Child, F) ||
        outcomeReadFromSides(*Await, *Child, F))
      continue;
    diag(Await->getBeginLoc(),
         "the outcome of this race is discarded, so the code after it "
         "cannot tell which side completed")
        << Await->getSourceRange();
    diag(Await->getBeginLoc(),
         "inspect the result, or cast it to 'void' when either side will do",
         DiagnosticIDs::Note);
  }
}

bool UnhandledRaceOutcomeCheck::outcomeUnread(const Stmt &Race,
                                              CheckedFunction &F) {
  // A throw assertion evaluates the race for its exception: the test wants
  // it to throw, and no code reads what it returns.
  if (!ThrowAsserted)
    ThrowAsserted =
        model::throwAssertedStatements(F.Body, ThrowAssertionReports, F.Ctx);
  if (ThrowAsserted->contains(&Race))
    return true;
  // No code of the coroutine runs after the race: none can misread it.
  const CFG *Graph = Facts.session().cfg(F.Decl);
  return Graph && model::nothingRunsAfter(*Graph, Race);
}

bool UnhandledRaceOutcomeCheck::outcomeReadFromSides(const CoawaitExpr &Await,
                                                     const Stmt &Race,
                                                     CheckedFunction &F) {
  // Each side writes how it completed into a variable (a redirected error
  // code, a flag it sets): a test of one after the race reads the outcome.
  auto IsAssertion = [&](const Stmt &S) {
    return model::isAssertionMacro(S, AssertionMacros, F.Ctx);
  };
  const CFG *Graph = Facts.session().cfg(F.Decl);
  return Graph &&
         model::completionTestedAfter(*Graph, F.Body, Race, *Await.getOperand(),
                                      RedirectingTokens, IsAssertion);
}

void UnhandledRaceOutcomeCheck::checkFunction(CheckedFunction &F) {
  model::RaceOutcomes Races(RaceFunctions, Lib.CombinatorFunctions, F.Ctx);
  ThrowAsserted.reset();
  // Every race is a co_await of a race call: a function without one has no
  // outcome to collect, drop or read.
  if (llvm::none_of(F.events().suspensions(),
                    [&](const CoroutineSuspendExpr *S) {
                      return Races.raceAwait(S) != nullptr;
                    }))
    return;
  F.forEachStmt([&](const Stmt &S) {
    Races.collect(S);
    checkDiscarded(Races, S, F);
  });
  if (Races.empty())
    return;
  model::walkRaceOutcomes(&F.Body, Races, AssertionMacros, AssertionFunctions,
                          [&](const Stmt &S, const model::RaceScope &In) {
                            checkRead(Races, S, In);
                          });
}

} // namespace clang::tidy::async
