//===--- Reporting.cpp - async-lint ---------------------------------------===//

#include "Reporting.h"
#include "AsyncLint.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace async_lint {

namespace {

bool isRelative(llvm::StringRef Path) { return !Path.starts_with("/"); }

/// A SARIF artifact URI: RFC 3986 percent-encoding of a path.
std::string uriEncode(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("/-._~").contains(C)) {
      Out += C;
      continue;
    }
    Out += llvm::formatv("%{0:X-2}", C).str();
  }
  return Out;
}

std::string githubEscape(llvm::StringRef Text, bool Property) {
  std::string Out;
  for (char C : Text) {
    switch (C) {
    case '%':
      Out += "%25";
      break;
    case '\r':
      Out += "%0D";
      break;
    case '\n':
      Out += "%0A";
      break;
    case ':':
      Out += Property ? "%3A" : ":";
      break;
    case ',':
      Out += Property ? "%2C" : ",";
      break;
    default:
      Out += C;
    }
  }
  return Out;
}

void writeJson(llvm::ArrayRef<Finding> Findings, llvm::StringRef Root,
               unsigned FilesAnalysed, llvm::raw_ostream &OS) {
  llvm::json::OStream J(OS, 2);
  J.object([&] {
    J.attribute("tool", "async-lint");
    J.attribute("version", version());
    J.attribute("filesAnalysed", FilesAnalysed);
    J.attributeArray("findings", [&] {
      for (const Finding &F : Findings)
        J.object([&] {
          J.attribute("check", F.Check);
          J.attribute("level", F.Level);
          J.attribute("file", relativePath(F.Where.File, Root));
          J.attribute("line", F.Where.Line);
          J.attribute("column", F.Where.Column);
          J.attribute("message", F.Message);
          J.attribute("fingerprint", F.Fingerprint);
          J.attribute("units", F.Units);
          J.attributeArray("notes", [&] {
            for (const Note &N : F.Notes)
              J.object([&] {
                J.attribute("file", relativePath(N.Where.File, Root));
                J.attribute("line", N.Where.Line);
                J.attribute("column", N.Where.Column);
                J.attribute("message", N.Message);
              });
          });
        });
    });
  });
  OS << "\n";
}

void writePhysicalLocation(llvm::json::OStream &J, const Location &L,
                           llvm::StringRef Root) {
  J.attributeObject("physicalLocation", [&] {
    std::string Rel = relativePath(L.File, Root);
    J.attributeObject("artifactLocation", [&] {
      if (isRelative(Rel)) {
        J.attribute("uri", uriEncode(Rel));
        J.attribute("uriBaseId", "SRCROOT");
      } else {
        J.attribute("uri", "file://" + uriEncode(Rel));
      }
    });
    if (L.Line)
      J.attributeObject("region", [&] {
        J.attribute("startLine", L.Line);
        J.attribute("startColumn", std::max(1u, L.Column));
      });
  });
}

/// A SARIF reportingDescriptor: the check, its summary and documentation.
void writeSarifRule(llvm::json::OStream &J, llvm::StringRef Rule) {
  llvm::StringRef Summary = checkSummary(Rule);
  llvm::StringRef Doc = checkDocumentation(Rule);
  std::string Short = Summary.empty() ? Rule.str() : Summary.str();
  J.object([&] {
    J.attribute("id", Rule);
    J.attribute("name", Rule);
    J.attributeObject("shortDescription", [&] { J.attribute("text", Short); });
    J.attributeObject("fullDescription", [&] { J.attribute("text", Short); });
    J.attributeObject("help", [&] {
      J.attribute("text", Doc.empty() ? Short : Doc.str());
      if (!Doc.empty())
        J.attribute("markdown", Doc);
    });
    J.attributeObject("defaultConfiguration",
                      [&] { J.attribute("level", "warning"); });
  });
}

/// The finding and its notes, in order, as one SARIF code flow: the path
/// through the code that GitHub code scanning shows step by step.
void writeSarifCodeFlow(llvm::json::OStream &J, const Finding &F,
                        llvm::StringRef Root) {
  auto Step = [&](const Location &Where, llvm::StringRef Message) {
    J.object([&] {
      J.attributeObject("location", [&] {
        writePhysicalLocation(J, Where, Root);
        J.attributeObject("message", [&] { J.attribute("text", Message); });
      });
    });
  };
  J.attributeArray("codeFlows", [&] {
    J.object([&] {
      J.attributeArray("threadFlows", [&] {
        J.object([&] {
          J.attributeArray("locations", [&] {
            Step(F.Where, F.Message);
            for (const Note &N : F.Notes)
              Step(N.Where, N.Message);
          });
        });
      });
    });
  });
}

/// A SARIF result: the finding, its notes as related locations and as a
/// code flow, its fingerprint, and the number of units that reported it.
void writeSarifResult(llvm::json::OStream &J, const Finding &F,
                      unsigned RuleIndex, llvm::StringRef Root) {
  J.object([&] {
    J.attribute("ruleId", F.Check);
    J.attribute("ruleIndex", RuleIndex);
    J.attribute("level", F.Level);
    J.attributeObject("message", [&] { J.attribute("text", F.Message); });
    J.attributeArray("locations", [&] {
      J.object([&] { writePhysicalLocation(J, F.Where, Root); });
    });
    if (!F.Notes.empty())
      J.attributeArray("relatedLocations", [&] {
        unsigned Id = 0;
        for (const Note &N : F.Notes)
          J.object([&] {
            J.attribute("id", Id++);
            writePhysicalLocation(J, N.Where, Root);
            J.attributeObject("message",
                              [&] { J.attribute("text", N.Message); });
          });
      });
    if (!F.Notes.empty())
      writeSarifCodeFlow(J, F, Root);
    J.attributeObject("partialFingerprints", [&] {
      J.attribute("asyncLintFingerprint/v1", F.Fingerprint);
    });
    J.attributeObject("properties", [&] { J.attribute("units", F.Units); });
  });
}

void writeSarif(llvm::ArrayRef<Finding> Findings, llvm::StringRef Root,
                llvm::raw_ostream &OS) {
  std::vector<std::string> Rules;
  llvm::StringMap<unsigned> RuleIndex;
  for (const Finding &F : Findings)
    if (RuleIndex.try_emplace(F.Check, Rules.size()).second)
      Rules.push_back(F.Check);
  std::string RootUri = "file://" + uriEncode(Root);
  if (!llvm::StringRef(RootUri).ends_with("/"))
    RootUri += "/";

  llvm::json::OStream J(OS, 2);
  J.object([&] {
    J.attribute("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    J.attribute("version", "2.1.0");
    J.attributeArray("runs", [&] {
      J.object([&] {
        J.attributeObject("tool", [&] {
          J.attributeObject("driver", [&] {
            J.attribute("name", "async-lint");
            J.attribute("version", version());
            J.attribute("semanticVersion", version());
            J.attributeArray("rules", [&] {
              for (const std::string &Rule : Rules)
                writeSarifRule(J, Rule);
            });
          });
        });
        J.attributeObject("originalUriBaseIds", [&] {
          J.attributeObject("SRCROOT", [&] { J.attribute("uri", RootUri); });
        });
        J.attributeArray("results", [&] {
          for (const Finding &F : Findings)
            writeSarifResult(J, F, RuleIndex[F.Check], Root);
        });
      });
    });
  });
  OS << "\n";
}

void writeGithub(llvm::ArrayRef<Finding> Findings, llvm::StringRef Root,
                 llvm::raw_ostream &OS) {
  for (const Finding &F : Findings) {
    std::string Message = F.Message;
    for (const Note &N : F.Notes)
      Message += "\n" + relativePath(N.Where.File, Root) + ":" +
                 std::to_string(N.Where.Line) + ": note: " + N.Message;
    OS << "::" << F.Level
       << " file=" << githubEscape(relativePath(F.Where.File, Root), true)
       << ",line=" << F.Where.Line << ",col=" << F.Where.Column
       << ",title=" << githubEscape(F.Check, true)
       << "::" << githubEscape(Message, false) << "\n";
  }
}

} // namespace

bool readFindings(llvm::StringRef Json, std::vector<Finding> &Findings,
                  unsigned &FilesAnalysed) {
  llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse(Json);
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return false;
  }
  const llvm::json::Object *Root = Parsed->getAsObject();
  const llvm::json::Array *List = Root ? Root->getArray("findings") : nullptr;
  if (!List)
    return false;
  FilesAnalysed = Root->getInteger("filesAnalysed").value_or(0);
  auto Str = [](const llvm::json::Object &O, llvm::StringRef Key) {
    return O.getString(Key).value_or("").str();
  };
  auto Num = [](const llvm::json::Object &O, llvm::StringRef Key) {
    return static_cast<unsigned>(O.getInteger(Key).value_or(0));
  };
  for (const llvm::json::Value &V : *List) {
    const llvm::json::Object *O = V.getAsObject();
    if (!O)
      return false;
    Finding F;
    F.Check = Str(*O, "check");
    F.Level = Str(*O, "level");
    F.Where = {Str(*O, "file"), Num(*O, "line"), Num(*O, "column")};
    F.Message = Str(*O, "message");
    F.Fingerprint = Str(*O, "fingerprint");
    F.Units = std::max(1u, Num(*O, "units"));
    if (const llvm::json::Array *Notes = O->getArray("notes"))
      for (const llvm::json::Value &NV : *Notes)
        if (const llvm::json::Object *N = NV.getAsObject())
          F.Notes.push_back(
              {{Str(*N, "file"), Num(*N, "line"), Num(*N, "column")},
               Str(*N, "message")});
    Findings.push_back(std::move(F));
  }
  return true;
}

namespace {
std::string uriDecode(llvm::StringRef Uri) {
  std::string Out;
  for (size_t I = 0; I < Uri.size(); ++I) {
    unsigned Byte = 0;
    if (Uri[I] == '%' && I + 2 < Uri.size() &&
        !Uri.substr(I + 1, 2).getAsInteger(16, Byte)) {
      Out += static_cast<char>(Byte);
      I += 2;
      continue;
    }
    Out += Uri[I];
  }
  return Out;
}

Location sarifLocation(const llvm::json::Object &Loc) {
  Location L;
  const llvm::json::Object *Phys = Loc.getObject("physicalLocation");
  if (!Phys)
    return L;
  if (const llvm::json::Object *Art = Phys->getObject("artifactLocation")) {
    llvm::StringRef Uri = Art->getString("uri").value_or("");
    Uri.consume_front("file://");
    L.File = uriDecode(Uri);
  }
  if (const llvm::json::Object *Region = Phys->getObject("region")) {
    L.Line = Region->getInteger("startLine").value_or(0);
    L.Column = Region->getInteger("startColumn").value_or(0);
  }
  return L;
}
} // namespace

bool readSarifFindings(llvm::StringRef Sarif, std::vector<Finding> &Findings) {
  llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse(Sarif);
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return false;
  }
  const llvm::json::Object *Root = Parsed->getAsObject();
  const llvm::json::Array *Runs = Root ? Root->getArray("runs") : nullptr;
  if (!Runs)
    return false;
  for (const llvm::json::Value &RunValue : *Runs) {
    const llvm::json::Object *Run = RunValue.getAsObject();
    const llvm::json::Array *Results = Run ? Run->getArray("results") : nullptr;
    if (!Results)
      return false;
    for (const llvm::json::Value &V : *Results) {
      const llvm::json::Object *R = V.getAsObject();
      if (!R)
        return false;
      Finding F;
      F.Check = R->getString("ruleId").value_or("").str();
      F.Level = R->getString("level").value_or("warning").str();
      if (const llvm::json::Object *M = R->getObject("message"))
        F.Message = M->getString("text").value_or("").str();
      if (const llvm::json::Array *Locs = R->getArray("locations"))
        if (!Locs->empty() && Locs->front().getAsObject())
          F.Where = sarifLocation(*Locs->front().getAsObject());
      if (const llvm::json::Array *Related = R->getArray("relatedLocations"))
        for (const llvm::json::Value &NV : *Related)
          if (const llvm::json::Object *N = NV.getAsObject()) {
            Note Rel{sarifLocation(*N), ""};
            if (const llvm::json::Object *M = N->getObject("message"))
              Rel.Message = M->getString("text").value_or("").str();
            F.Notes.push_back(std::move(Rel));
          }
      if (const llvm::json::Object *Prints =
              R->getObject("partialFingerprints"))
        F.Fingerprint =
            Prints->getString("asyncLintFingerprint/v1").value_or("").str();
      if (const llvm::json::Object *Props = R->getObject("properties"))
        F.Units = std::max<int64_t>(1, Props->getInteger("units").value_or(1));
      Findings.push_back(std::move(F));
    }
  }
  return true;
}

void writeFindings(Format F, llvm::ArrayRef<Finding> Findings,
                   llvm::StringRef SourceRoot, unsigned FilesAnalysed,
                   llvm::raw_ostream &OS) {
  switch (F) {
  case Format::Json:
    return writeJson(Findings, SourceRoot, FilesAnalysed, OS);
  case Format::Sarif:
    return writeSarif(Findings, SourceRoot, OS);
  case Format::Github:
    return writeGithub(Findings, SourceRoot, OS);
  case Format::Html:
    return writeHtml(Findings, SourceRoot, FilesAnalysed, OS);
  case Format::Text:
    return;
  }
}

llvm::Error writeReport(llvm::StringRef OutputPath, Format F,
                        llvm::ArrayRef<Finding> Findings,
                        llvm::StringRef SourceRoot, unsigned FilesAnalysed) {
  if (OutputPath.empty()) {
    writeFindings(F, Findings, SourceRoot, FilesAnalysed, llvm::outs());
    return llvm::Error::success();
  }
  // Written to a temporary file and renamed: never half a report.
  if (llvm::Error E =
          llvm::writeToOutput(OutputPath, [&](llvm::raw_ostream &OS) {
            writeFindings(F, Findings, SourceRoot, FilesAnalysed, OS);
            return llvm::Error::success();
          }))
    return llvm::createStringError("cannot write '" + OutputPath +
                                   "': " + llvm::toString(std::move(E)));
  return llvm::Error::success();
}

} // namespace async_lint
