package generator

// handlerTestFiles returns the handler example tests.
func (p *plan) handlerTestFiles(hp *handlerPlan) []*genFile { return nil }
