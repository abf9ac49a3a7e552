package awserr

// Error codes shared by several services or by the wire layer.
const (
	// Wire and authentication.
	ValidationException          = "ValidationException"
	SerializationException       = "SerializationException"
	UnknownOperationException    = "UnknownOperationException"
	InternalFailure              = "InternalFailure"
	UnrecognizedClientException  = "UnrecognizedClientException"
	InvalidSignatureException    = "InvalidSignatureException"
	IncompleteSignatureException = "IncompleteSignatureException"
	MissingAuthenticationToken   = "MissingAuthenticationTokenException"
	RequestEntityTooLarge        = "RequestEntityTooLargeException"
	InvalidAction                = "InvalidAction"
	AccessDenied                 = "AccessDeniedException"

	// Config.
	InvalidParameterValueException            = "InvalidParameterValueException"
	InsufficientPermissionsException          = "InsufficientPermissionsException"
	NoSuchConfigRuleException                 = "NoSuchConfigRuleException"
	NoSuchRemediationConfigurationException   = "NoSuchRemediationConfigurationException"
	NoSuchRemediationExceptionException       = "NoSuchRemediationExceptionException"
	RemediationInProgressException            = "RemediationInProgressException"
	ResourceInUseException                    = "ResourceInUseException"
	MaxNumberOfConfigRulesExceededException   = "MaxNumberOfConfigRulesExceededException"
	InvalidNextTokenException                 = "InvalidNextTokenException"
	InvalidResultTokenException               = "InvalidResultTokenException"
	LimitExceededException                    = "LimitExceededException"
	InvalidLimitException                     = "InvalidLimitException"
	NoAvailableConfigurationRecorderException = "NoAvailableConfigurationRecorderException"

	// SSM.
	InternalServerError                       = "InternalServerError"
	InvalidDocument                           = "InvalidDocument"
	InvalidDocumentContent                    = "InvalidDocumentContent"
	InvalidDocumentVersion                    = "InvalidDocumentVersion"
	InvalidDocumentSchemaVersion              = "InvalidDocumentSchemaVersion"
	InvalidDocumentOperation                  = "InvalidDocumentOperation"
	DocumentAlreadyExists                     = "DocumentAlreadyExists"
	DocumentLimitExceeded                     = "DocumentLimitExceeded"
	DocumentVersionLimitExceeded              = "DocumentVersionLimitExceeded"
	DuplicateDocumentContent                  = "DuplicateDocumentContent"
	DuplicateDocumentVersionName              = "DuplicateDocumentVersionName"
	MaxDocumentSizeExceeded                   = "MaxDocumentSizeExceeded"
	InvalidNextToken                          = "InvalidNextToken"
	InvalidFilter                             = "InvalidFilter"
	InvalidFilterKey                          = "InvalidFilterKey"
	InvalidFilterValue                        = "InvalidFilterValue"
	InvalidResourceID                         = "InvalidResourceId"
	InvalidResourceType                       = "InvalidResourceType"
	InvalidItemContentException               = "InvalidItemContentException"
	ItemSizeLimitExceededException            = "ItemSizeLimitExceededException"
	TotalSizeLimitExceededException           = "TotalSizeLimitExceededException"
	ComplianceTypeCountLimitExceededException = "ComplianceTypeCountLimitExceededException"
	TooManyUpdates                            = "TooManyUpdates"
	InvalidAutomationExecutionParameters      = "InvalidAutomationExecutionParametersException"
	AutomationExecutionNotFound               = "AutomationExecutionNotFoundException"
	AutomationDefinitionNotFound              = "AutomationDefinitionNotFoundException"
	AutomationDefinitionVersionNotFound       = "AutomationDefinitionVersionNotFoundException"
	AutomationStepNotFound                    = "AutomationStepNotFoundException"
	InvalidAutomationSignal                   = "InvalidAutomationSignalException"
	InvalidAutomationStatusUpdate             = "InvalidAutomationStatusUpdateException"
	IdempotentParameterMismatch               = "IdempotentParameterMismatch"
	InvalidTarget                             = "InvalidTarget"

	// STS.
	InvalidClientTokenID = "InvalidClientTokenId"
)

// statuses maps every registered code to its HTTP status. Modelled errors
// are 400; server faults are 5xx; authentication failures follow AWS.
var statuses = map[string]int{
	ValidationException:          400,
	SerializationException:       400,
	UnknownOperationException:    400,
	InternalFailure:              500,
	UnrecognizedClientException:  400,
	InvalidSignatureException:    400,
	IncompleteSignatureException: 400,
	MissingAuthenticationToken:   400,
	RequestEntityTooLarge:        413,
	InvalidAction:                400,
	AccessDenied:                 400,

	InvalidParameterValueException:            400,
	InsufficientPermissionsException:          400,
	NoSuchConfigRuleException:                 400,
	NoSuchRemediationConfigurationException:   400,
	NoSuchRemediationExceptionException:       400,
	RemediationInProgressException:            400,
	ResourceInUseException:                    400,
	MaxNumberOfConfigRulesExceededException:   400,
	InvalidNextTokenException:                 400,
	InvalidResultTokenException:               400,
	LimitExceededException:                    400,
	InvalidLimitException:                     400,
	NoAvailableConfigurationRecorderException: 400,

	InternalServerError:                       500,
	InvalidDocument:                           400,
	InvalidDocumentContent:                    400,
	InvalidDocumentVersion:                    400,
	InvalidDocumentSchemaVersion:              400,
	InvalidDocumentOperation:                  400,
	DocumentAlreadyExists:                     400,
	DocumentLimitExceeded:                     400,
	DocumentVersionLimitExceeded:              400,
	DuplicateDocumentContent:                  400,
	DuplicateDocumentVersionName:              400,
	MaxDocumentSizeExceeded:                   400,
	InvalidNextToken:                          400,
	InvalidFilter:                             400,
	InvalidFilterKey:                          400,
	InvalidFilterValue:                        400,
	InvalidResourceID:                         400,
	InvalidResourceType:                       400,
	InvalidItemContentException:               400,
	ItemSizeLimitExceededException:            400,
	TotalSizeLimitExceededException:           400,
	ComplianceTypeCountLimitExceededException: 400,
	TooManyUpdates:                            400,
	InvalidAutomationExecutionParameters:      400,
	AutomationExecutionNotFound:               400,
	AutomationDefinitionNotFound:              400,
	AutomationDefinitionVersionNotFound:       400,
	AutomationStepNotFound:                    400,
	InvalidAutomationSignal:                   400,
	InvalidAutomationStatusUpdate:             400,
	IdempotentParameterMismatch:               400,
	InvalidTarget:                             400,

	InvalidClientTokenID: 403,
}
