# The function e2e/runbooks/every-action.yaml invokes with aws:invokeLambdaFunction.
def handler(event, context):
    return {"rule": event.get("Rule"), "function": context.function_name}
