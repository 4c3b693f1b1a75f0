#include "web/ast_json.h"

#include "promql/go_strconv.h"

namespace vigil::web {

namespace {

using namespace vigil::promql;

const char *cardName(VectorMatchCardinality c)
{
    switch (c) {
        case VectorMatchCardinality::OneToOne:
            return "one-to-one";
        case VectorMatchCardinality::ManyToOne:
            return "many-to-one";
        case VectorMatchCardinality::OneToMany:
            return "one-to-many";
        case VectorMatchCardinality::ManyToMany:
            return "many-to-many";
    }
    return "one-to-one";
}

void writeMatchers(JsonWriter &w, const std::vector<model::Matcher> &ms)
{
    w.beginArray();
    for (const auto &m : ms) {
        w.beginObject()
            .key("name")
            .string(m.name())
            .key("type")
            .string(model::Matcher::opString(m.type()))
            .key("value")
            .string(m.value())
            .endObject();
    }
    w.endArray();
}

void writeAt(JsonWriter &w, const std::optional<int64_t> &ts, AtModifier startOrEnd)
{
    w.key("timestamp");
    if (ts)
        w.integer(*ts);
    else
        w.null();
    w.key("startOrEnd");
    if (startOrEnd == AtModifier::Start)
        w.string("start");
    else if (startOrEnd == AtModifier::End)
        w.string("end");
    else
        w.null();
}

void writeNullable(JsonWriter &w, const Expr *e)
{
    if (e)
        writeAstJson(w, *e);
    else
        w.null();
}

}  // namespace

void writeAstJson(JsonWriter &w, const Expr &e)
{
    w.beginObject();
    switch (e.kind()) {
        case NodeKind::NumberLiteral:
            w.key("type")
                .string("numberLiteral")
                .key("val")
                .string(formatFloat(e.as<NumberLiteral>()->value));
            break;
        case NodeKind::StringLiteral:
            w.key("type").string("stringLiteral").key("val").string(e.as<StringLiteral>()->value);
            break;
        case NodeKind::VectorSelector: {
            const auto *vs = e.as<VectorSelector>();
            w.key("type").string("vectorSelector").key("name").string(vs->name);
            w.key("offset").integer(vs->originalOffsetMs).key("matchers");
            writeMatchers(w, vs->matchers);
            writeAt(w, vs->timestampMs, vs->startOrEnd);
            break;
        }
        case NodeKind::MatrixSelector: {
            const auto *ms = e.as<MatrixSelector>();
            const VectorSelector &vs = *ms->vectorSelector;
            w.key("type").string("matrixSelector").key("name").string(vs.name);
            w.key("range").integer(ms->rangeMs).key("offset").integer(vs.originalOffsetMs).key("matchers");
            writeMatchers(w, vs.matchers);
            writeAt(w, vs.timestampMs, vs.startOrEnd);
            break;
        }
        case NodeKind::Subquery: {
            const auto *sq = e.as<SubqueryExpr>();
            w.key("type").string("subquery").key("expr");
            writeNullable(w, sq->expr.get());
            w.key("range").integer(sq->rangeMs).key("offset").integer(sq->originalOffsetMs);
            w.key("step").integer(sq->stepMs);
            writeAt(w, sq->timestampMs, sq->startOrEnd);
            break;
        }
        case NodeKind::Paren:
            w.key("type").string("parenExpr").key("expr");
            writeNullable(w, e.as<ParenExpr>()->expr.get());
            break;
        case NodeKind::Unary: {
            const auto *u = e.as<UnaryExpr>();
            w.key("type").string("unaryExpr").key("op").string(unaryOpString(u->op)).key("expr");
            writeNullable(w, u->expr.get());
            break;
        }
        case NodeKind::Binary: {
            const auto *b = e.as<BinaryExpr>();
            w.key("type").string("binaryExpr").key("op").string(binaryOpString(b->op)).key("lhs");
            writeNullable(w, b->lhs.get());
            w.key("rhs");
            writeNullable(w, b->rhs.get());
            w.key("matching");
            if (b->matching) {
                w.beginObject()
                    .key("card")
                    .string(cardName(b->matching->card))
                    .key("labels")
                    .stringArray(b->matching->matchingLabels)
                    .key("on")
                    .boolean(b->matching->on)
                    .key("include")
                    .stringArray(b->matching->include)
                    .endObject();
            } else {
                w.null();
            }
            w.key("bool").boolean(b->returnBool);
            break;
        }
        case NodeKind::Aggregate: {
            const auto *a = e.as<AggregateExpr>();
            w.key("type").string("aggregation").key("op").string(aggregateOpString(a->op)).key("expr");
            writeNullable(w, a->expr.get());
            w.key("param");
            writeNullable(w, a->param.get());
            w.key("grouping").stringArray(a->grouping).key("without").boolean(a->without);
            break;
        }
        case NodeKind::Call: {
            const auto *c = e.as<Call>();
            w.key("type").string("call").key("func").beginObject();
            w.key("name").string(c->func ? c->func->name : std::string_view());
            w.key("argTypes").beginArray();
            if (c->func) {
                for (ValueType t : c->func->argTypes) w.string(valueTypeName(t));
            }
            w.endArray();
            w.key("variadic").integer(c->func ? c->func->variadic : 0);
            w.key("returnType").string(c->func ? valueTypeName(c->func->returnType) : "");
            w.endObject().key("args").beginArray();
            for (const auto &a : c->args) writeNullable(w, a.get());
            w.endArray();
            break;
        }
    }
    w.endObject();
}

}  // namespace vigil::web
